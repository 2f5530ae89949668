package org.verbatim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.verbatim.config.Settings;
import org.verbatim.enrich.Enricher;
import org.verbatim.enrich.QuestionGrouping;
import org.verbatim.enrich.SkillExtractor;
import org.verbatim.index.IndexSummary;
import org.verbatim.index.Indexer;
import org.verbatim.ingest.Manifest;
import org.verbatim.ingest.TranscriptLoader;
import org.verbatim.ingest.UnreadableFileException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code index} and {@code reindex} share: where, what to read, and how to report. */
final class IndexingOptions {

    @Mixin
    IndexOption indexOption = new IndexOption();

    @Mixin
    SkillsOption skillsOption = new SkillsOption();

    @Option(names = "--manifest", paramLabel = "CSV", description = "CSV with a 'file' column and metadata columns (lists separated by ';').")
    Path manifest;

    @Option(names = "--json", description = "Print the summary as one JSON object on stdout.")
    boolean json;

    @Option(names = "--max-file-size", paramLabel = "MB", description = "Largest file to read, in MB (default: $VERBATIM_MAX_FILE_MB or 64).")
    Long maxFileMb;

    @Option(names = "--semantic", negatable = true, description = {"Meaning search: embed every answer (in-process model; vectors cached in the",
        "index folder) so that searches with mode hybrid find answers by meaning. Turning it on or off needs",
        "reindex; later index runs keep what the archive has."})
    Boolean semantic;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Transcript files or folders (read recursively).")
    List<Path> paths = List.of();

    Path indexDir(Settings settings) {
        return indexOption.resolve(settings.defaultIndex());
    }

    /** A usage error when nothing was given to read, else {@code null}. */
    String missingInput() {
        return paths.isEmpty() && manifest == null ? "give at least one PATH or a --manifest" : null;
    }

    Manifest manifest() throws IOException, UnreadableFileException {
        return manifest == null ? Manifest.empty() : Manifest.read(manifest);
    }

    Indexer indexer(Settings settings, boolean grouping) throws IOException {
        long maxBytes = maxFileMb != null ? maxFileMb * 1024 * 1024 : settings.maxFileBytes();
        return new Indexer(indexDir(settings), new TranscriptLoader(maxBytes),
                new Enricher(new SkillExtractor(skillsOption.load(settings))), grouping ? QuestionGrouping.standard() : null,
                settings.threads()).semantic(semantic);
    }

    /** Prints the summary as the options ask; returns the exit code it calls for. */
    int report(PrintWriter out, IndexSummary summary, Settings settings) {
        if (json) {
            out.println(Json.write(summary));
        } else {
            IndexCommand.printSummary(out, summary, indexDir(settings));
        }
        out.flush();
        return summary.failed().isEmpty() ? ExitCodes.OK : ExitCodes.SOME_FILES_FAILED;
    }
}
