package org.verbatim.bench;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** ripgrep over the transcript files, for the queries it can answer (terms and phrases): files that match. */
final class RipgrepPeer implements Peer {

    private final Path corpus;

    RipgrepPeer(Path corpus) {
        this.corpus = corpus;
    }

    @Override
    public String name() {
        return "ripgrep";
    }

    @Override
    public long load(List<BenchPair> pairs) {
        return 0;
    }

    @Override
    public boolean supports(BenchQuery q) {
        return switch (q.kind()) {
            case RARE_TERM, MEDIUM_TERM, COMMON_TERM, PHRASE_2, PHRASE_3 -> true;
            default -> false;
        };
    }

    @Override
    public long run(BenchQuery q) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("rg", "--files-with-matches", "--ignore-case", "--fixed-strings", "-w",
                "-e", String.join(" ", q.words()), corpus.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        long lines = 0;
        try (InputStream in = p.getInputStream()) {
            byte[] buf = new byte[65536];
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        p.waitFor();
        return lines;
    }

    @Override
    public long count(String term) {
        return -1;
    }

    @Override
    public void close() {
    }
}
