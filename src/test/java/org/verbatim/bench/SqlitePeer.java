package org.verbatim.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/** SQLite FTS5 (porter tokenizer), one row per pair, bm25 top 10. One connection per thread. */
final class SqlitePeer implements Peer {

    private final Path file;
    private Connections connections;

    SqlitePeer(Path dir) throws Exception {
        Files.createDirectories(dir);
        this.file = dir.resolve("bench.db");
    }

    @Override
    public String name() {
        return "SQLite FTS5";
    }

    @Override
    public long load(List<BenchPair> pairs) throws Exception {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=OFF");
            s.execute("PRAGMA synchronous=OFF");
            s.execute("CREATE VIRTUAL TABLE pairs USING fts5(role UNINDEXED, question, answer, tokenize='porter')");
        }
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO pairs(rowid, role, question, answer) VALUES (?, ?, ?, ?)")) {
            for (BenchPair p : pairs) {
                ps.setInt(1, p.id());
                ps.setString(2, p.role());
                ps.setString(3, p.question());
                ps.setString(4, p.answer());
                ps.addBatch();
                if (p.id() % 5000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO pairs(pairs) VALUES('optimize')");
        }
        c.close();
        connections = new Connections(16, () -> DriverManager.getConnection("jdbc:sqlite:" + file));
        return Files.size(file);
    }

    private static String match(BenchQuery q) {
        return switch (q.kind()) {
            case PHRASE_2, PHRASE_3 -> "\"" + String.join(" ", q.words()) + "\"";
            case OR -> String.join(" OR ", q.words());
            default -> String.join(" AND ", q.words());
        };
    }

    @Override
    public boolean supports(BenchQuery q) {
        return q.kind() != BenchQuery.Kind.COMPARE;
    }

    @Override
    public long run(BenchQuery q) throws Exception {
        return connections.with(c -> runWith(c, q));
    }

    private long runWith(Connection c, BenchQuery q) throws Exception {
        if (q.kind() == BenchQuery.Kind.FACETS) {
            try (PreparedStatement ps = c.prepareStatement("SELECT role, count(*) FROM pairs WHERE pairs MATCH ? GROUP BY role")) {
                ps.setString(1, match(q));
                long n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        n += rs.getLong(2);
                    }
                }
                return n;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT rowid FROM pairs WHERE pairs MATCH ? ORDER BY bm25(pairs) LIMIT 10")) {
            ps.setString(1, match(q));
            long n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                }
            }
            return n;
        }
    }

    @Override
    public long count(String term) throws Exception {
        return connections.with(c -> countWith(c, term));
    }

    private long countWith(Connection c, String term) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pairs WHERE pairs MATCH ?")) {
            ps.setString(1, term);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public void close() throws Exception {
        if (connections != null) {
            connections.close();
        }
    }
}
