package org.verbatim.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.verbatim.enrich.Enricher;
import org.verbatim.enrich.QuestionGrouping;
import org.verbatim.enrich.SkillExtractor;
import org.verbatim.enrich.SkillVocabulary;
import org.verbatim.index.IndexSummary;
import org.verbatim.index.Indexer;
import org.verbatim.ingest.Manifest;
import org.verbatim.ingest.TranscriptLoader;
import org.verbatim.tools.CorpusGenerator;

/** Test helpers: fixture files and a real index built by our own indexer. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A folder of fixtures on the test classpath, e.g. {@code fixtures/archive}. */
    public static Path folder(String resource) {
        try {
            return Path.of(Fixtures.class.getClassLoader().getResource(resource).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + resource, e);
        }
    }

    public static byte[] bytes(String resource) throws IOException {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            return in.readAllBytes();
        }
    }

    /** Copies a fixture folder to {@code target} so tests can change files freely. */
    public static Path copy(String resource, Path target) throws IOException {
        Path src = folder(resource);
        try (var walk = Files.walk(src)) {
            for (Path p : walk.toList()) {
                Path dest = target.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
        return target;
    }

    public static IndexSummary index(Path indexDir, Path... paths) throws IOException {
        return index(indexDir, Manifest.empty(), paths);
    }

    public static IndexSummary index(Path indexDir, Manifest manifest, Path... paths) throws IOException {
        return new Indexer(indexDir, new TranscriptLoader(64L << 20), new Enricher(new SkillExtractor(skills())), grouping(), 2)
                .index(List.of(paths), manifest, Indexer.Progress.NONE);
    }

    /**
     * A generated archive of {@code interviews} indexed twice, with every {@code every}-th file changed in
     * between: the index has several segments and deleted documents. Returns the index folder.
     */
    public static Path generatedWithDeletions(Path tmp, long seed, int interviews, int every) throws IOException {
        Path corpus = tmp.resolve("corpus");
        new CorpusGenerator(seed).write(interviews, corpus);
        Path index = tmp.resolve("index");
        index(index, corpus);
        List<Path> files;
        try (Stream<Path> s = Files.list(corpus)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (int i = 0; i < files.size(); i += every) {
            Files.writeString(files.get(i), Files.readString(files.get(i)) + "\n");
        }
        index(index, corpus);
        return index;
    }

    /**
     * Writes {@code seconds} of silence as a WAV file (8 kHz, 16-bit mono PCM): a real recording for the
     * tests of playing and seeking, made by the test rather than kept in the repository.
     */
    public static Path silentWav(Path file, int seconds) throws IOException {
        int rate = 8000;
        int dataBytes = rate * 2 * seconds;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + dataBytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + dataBytes)
                .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(dataBytes);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, b.array());
        return file;
    }

    /**
     * A folder of recorded interviews, one per metadata source: Verbatim JSON naming a file in the media
     * folder, a VTT whose sidecar gives a URL, Markdown front matter naming a file in a subfolder, and a text
     * file whose manifest row names one. Times: each JSON question starts at 0, 6, 12... seconds.
     */
    public static Path recordedInterviews(Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder turns = new StringBuilder();
        String[][] qa = {
            {"Tell me about a system you designed.", "I designed an event pipeline on Kafka that fed the billing service."},
            {"How do you handle a disagreement in the team?", "I ask for the data first, then we try the cheaper option for a week."},
            {"What did you learn from your last outage?", "That alerts must point at the runbook, not just at a graph."},
        };
        for (int i = 0; i < qa.length; i++) {
            if (i > 0) {
                turns.append(",\n");
            }
            turns.append(String.format(java.util.Locale.ROOT,
                    "{\"speaker\": \"Nora Quist\", \"role\": \"interviewer\", \"text\": \"%s\", \"start\": %d.0, \"end\": %d.5},%n"
                            + "{\"speaker\": \"Ilse Brandt\", \"role\": \"candidate\", \"text\": \"%s\", \"start\": %d.0, \"end\": %d.5}",
                    qa[i][0], i * 6, i * 6 + 1, qa[i][1], i * 6 + 2, i * 6 + 5));
        }
        Files.writeString(dir.resolve("ilse.json"), "{\"verbatim\": 1, \"id\": \"ilse\", \"title\": \"Platform interview with Ilse Brandt\","
                + " \"candidates\": [\"Ilse Brandt\"], \"interviewers\": [\"Nora Quist\"], \"recording\": \"ilse.wav\",\n"
                + " \"turns\": [" + turns + "]}\n");
        Files.writeString(dir.resolve("omar.vtt"), "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Nora Quist>Why do you want to join us?\n\n"
                + "00:00:05.000 --> 00:00:09.000\n<v Omar Haddad>Because the product is used by people I know.\n");
        Files.writeString(dir.resolve("omar.meta.json"), "{\"id\": \"omar\", \"candidates\": [\"Omar Haddad\"], "
                + "\"recording\": \"https://media.example.org/omar.mp4\"}\n");
        Files.writeString(dir.resolve("lena.md"), "---\nid: lena\ncandidates: Lena Roth\nrecording: calls/lena.mp3\n---\n"
                + "**Nora Quist:** [00:00:03] What are you proudest of?\n\n**Lena Roth:** [00:00:07] Shipping the offline mode.\n");
        Files.writeString(dir.resolve("tom.txt"), "Nora Quist: What brings you here?\n\nTom Berg: A friend who works on your search team.\n");
        Files.writeString(dir.resolve("manifest.csv"), "file,id,candidates,recording\ntom.txt,tom,Tom Berg,tom.m4a\n");
        return dir;
    }

    private static SkillVocabulary skills;
    private static QuestionGrouping grouping;

    /** Question grouping as the product runs it, created once (the embedding model loads once). */
    public static synchronized QuestionGrouping grouping() {
        if (grouping == null) {
            grouping = QuestionGrouping.standard();
        }
        return grouping;
    }

    /** The built-in skill vocabulary, loaded once. */
    public static synchronized SkillVocabulary skills() {
        if (skills == null) {
            try {
                skills = SkillVocabulary.load(null);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return skills;
    }

    /** Where the shared corpus of real transcripts is: -Dverbatim.corpus, $VERBATIM_CORPUS, or ../shared/corpus. */
    public static Path corpus() {
        String prop = System.getProperty("verbatim.corpus");
        String env = System.getenv("VERBATIM_CORPUS");
        Path p = Path.of(prop != null ? prop : env != null ? env : "../shared/corpus");
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("the shared corpus is not at " + p.toAbsolutePath()
                    + "; set -Dverbatim.corpus=DIR or VERBATIM_CORPUS");
        }
        return p;
    }
}
