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
        return new Indexer(indexDir, new TranscriptLoader(64L << 20), new Enricher(new SkillExtractor(skills())), grouping(), 2)
                .index(List.of(paths), Manifest.empty(), Indexer.Progress.NONE);
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
