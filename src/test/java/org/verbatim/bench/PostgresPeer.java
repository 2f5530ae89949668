package org.verbatim.bench;

import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * PostgreSQL full-text search: a throwaway cluster on loopback, one row per pair, a GIN index over
 * {@code to_tsvector('english', question || ' ' || answer)}, ts_rank top 10. Stopped at the end.
 */
final class PostgresPeer implements Peer {

    private static final String BIN = "/usr/lib/postgresql/15/bin/";
    private static final String DOC = "to_tsvector('english', question || ' ' || answer)";

    private final Path dir;
    private final int port;
    private final Connections connections;

    PostgresPeer(Path base) throws Exception {
        this.dir = base.resolve("pgdata");
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        }
        Files.createDirectories(base);
        asPostgres(BIN + "initdb -D " + dir + " -U bench --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null");
        asPostgres(BIN + "pg_ctl -D " + dir + " -l " + base.resolve("pg.log") + " -w -o \"-p " + port
                + " -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off -c synchronous_commit=off"
                + " -c shared_buffers=256MB -c maintenance_work_mem=256MB -c max_connections=40\" start >/dev/null");
        this.connections = new Connections(16, () -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "bench", ""));
    }

    /** Runs a shell command as the postgres user when we are root (PostgreSQL refuses to run as root). */
    private void asPostgres(String cmd) throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            new ProcessBuilder("chown", "-R", "postgres", dir.getParent().toString()).inheritIO().start().waitFor();
        }
        ProcessBuilder pb = root ? new ProcessBuilder("su", "postgres", "-s", "/bin/sh", "-c", cmd) : new ProcessBuilder("sh", "-c", cmd);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT);
        int code = pb.start().waitFor();
        if (code != 0) {
            throw new IllegalStateException("'" + cmd + "' failed with exit code " + code);
        }
    }

    @Override
    public String name() {
        return "PostgreSQL FTS";
    }

    @Override
    public long load(List<BenchPair> pairs) throws Exception {
        return connections.with(c -> loadWith(c, pairs));
    }

    private long loadWith(Connection c, List<BenchPair> pairs) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE UNLOGGED TABLE pairs (id int primary key, interview text, role text, question text, answer text)");
        }
        Path tsv = Files.createTempFile("pairs", ".tsv");
        try (var w = Files.newBufferedWriter(tsv)) {
            for (BenchPair p : pairs) {
                w.write(p.id() + "\t" + esc(p.interview()) + "\t" + esc(p.role()) + "\t" + esc(p.question()) + "\t" + esc(p.answer()) + "\n");
            }
        }
        ((PGConnection) c).getCopyAPI().copyIn("COPY pairs FROM STDIN", Files.newBufferedReader(tsv));
        Files.delete(tsv);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE INDEX pairs_fts ON pairs USING GIN (" + DOC + ")");
            s.execute("ANALYZE pairs");
            try (ResultSet rs = s.executeQuery("SELECT pg_total_relation_size('pairs')")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String esc(String s) {
        return s == null ? "\\N" : s.replace("\\", "\\\\").replace("\t", " ").replace("\n", "\\n").replace("\r", " ");
    }

    private static String tsquery(BenchQuery q) {
        return switch (q.kind()) {
            case PHRASE_2, PHRASE_3 -> "phraseto_tsquery('english', ?)";
            case OR -> "to_tsquery('english', ?)";
            default -> "plainto_tsquery('english', ?)";
        };
    }

    private static String text(BenchQuery q) {
        return q.kind() == BenchQuery.Kind.OR ? String.join(" | ", q.words()) : String.join(" ", q.words());
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
        String sql = q.kind() == BenchQuery.Kind.FACETS
                ? "SELECT role, count(DISTINCT interview) FROM pairs WHERE " + DOC + " @@ " + tsquery(q) + " GROUP BY role"
                : "SELECT id, ts_rank(" + DOC + ", tq) AS r FROM pairs, " + tsquery(q) + " tq WHERE " + DOC
                        + " @@ tq ORDER BY r DESC LIMIT 10";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, text(q));
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
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pairs WHERE " + DOC
                + " @@ plainto_tsquery('english', ?)")) {
            ps.setString(1, term);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public void close() throws Exception {
        connections.close();
        asPostgres(BIN + "pg_ctl -D " + dir + " -m fast -w stop >/dev/null");
    }

    static boolean available() {
        return new File(BIN + "postgres").canExecute();
    }
}
