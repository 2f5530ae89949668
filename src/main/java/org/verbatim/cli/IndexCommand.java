package org.verbatim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.verbatim.config.Settings;
import org.verbatim.enrich.Enricher;
import org.verbatim.enrich.QuestionGrouping;
import org.verbatim.enrich.SkillExtractor;
import org.verbatim.index.IndexLockedException;
import org.verbatim.index.IndexSummary;
import org.verbatim.index.Indexer;
import org.verbatim.ingest.Manifest;
import org.verbatim.ingest.TranscriptLoader;
import org.verbatim.ingest.UnreadableFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "index", mixinStandardHelpOptions = true,
        description = {"Read transcript files and folders (recursively) into the index.",
            "Unchanged files are skipped; changed files replace their interviews."})
public final class IndexCommand implements Callable<Integer> {

    private final Settings settings;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    IndexOption indexOption = new IndexOption();

    @Mixin
    SkillsOption skillsOption = new SkillsOption();

    @Option(names = "--manifest", paramLabel = "CSV", description = "CSV with a 'file' column and metadata columns (lists separated by ';').")
    Path manifest;

    @Option(names = "--json", description = "Print the summary as one JSON object.")
    boolean json;

    @Option(names = "--max-file-size", paramLabel = "MB", description = "Largest file to read, in MB (default: ${DEFAULT-VALUE} from $VERBATIM_MAX_FILE_MB or 64).")
    Long maxFileMb;

    @Option(names = "--prune", description = "Remove interviews whose file was under a given folder and is gone.")
    boolean prune;

    @Option(names = "--no-question-groups", description = "Skip grouping questions (compare views then show nothing for the new interviews; for measuring).")
    boolean noQuestionGroups;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Transcript files or folders.")
    List<Path> paths = List.of();

    public IndexCommand(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (paths.isEmpty() && manifest == null) {
            err.println("verbatim index: give at least one PATH or a --manifest");
            return ExitCodes.USAGE;
        }
        Path indexDir = indexOption.resolve(settings.defaultIndex());
        long maxBytes = maxFileMb != null ? maxFileMb * 1024 * 1024 : settings.maxFileBytes();
        try {
            Manifest m = manifest == null ? Manifest.empty() : Manifest.read(manifest);
            Indexer indexer = new Indexer(indexDir, new TranscriptLoader(maxBytes),
                    new Enricher(new SkillExtractor(skillsOption.load(settings))),
                    noQuestionGroups ? null : QuestionGrouping.standard(), settings.threads());
            IndexSummary summary = indexer.index(paths, m, Progress.to(err), prune);
            if (json) {
                out.println(Json.write(summary));
            } else {
                printSummary(out, summary, indexDir);
            }
            out.flush();
            return summary.failed().isEmpty() ? ExitCodes.OK : ExitCodes.SOME_FILES_FAILED;
        } catch (IndexLockedException e) {
            err.println("verbatim index: " + e.getMessage());
            return ExitCodes.LOCKED;
        } catch (UnreadableFileException e) {
            err.println("verbatim index: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (java.nio.file.NoSuchFileException e) {
            err.println("verbatim index: " + e.getFile() + ": no such file or folder");
            return ExitCodes.USAGE;
        } catch (IOException e) {
            err.println("verbatim index: " + e.getMessage());
            return ExitCodes.ERROR;
        }
    }

    static void printSummary(PrintWriter out, IndexSummary s, Path indexDir) {
        out.printf(Locale.ROOT, "%s %d file%s in %.1f s: %d interview%s %s (%d pairs), %d unchanged, %d %s, %d failed.%n",
                s.dryRun() ? "Dry run: read" : "Read", s.files(), s.files() == 1 ? "" : "s", s.tookMs() / 1000.0, s.interviews(),
                s.interviews() == 1 ? "" : "s", s.dryRun() ? "would be indexed" : "indexed", s.pairs(), s.unchanged(),
                s.removed(), s.dryRun() ? "would be removed" : "removed", s.failed().size());
        for (IndexSummary.Failure f : s.failed()) {
            out.printf("  failed: %s: %s%n", f.file(), f.error());
        }
        out.printf("Index: %s (%s)%n", indexDir.toAbsolutePath().normalize(), s.generation());
    }
}
