package org.verbatim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
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

@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = {"Rebuild the whole index from these files into a new generation beside the live one,",
            "check it, and switch to it atomically. Searches keep working on the old generation meanwhile.",
            "Safe to interrupt: the live index is untouched until the switch, and a rerun starts clean."})
public final class ReindexCommand implements Callable<Integer> {

    private final Settings settings;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    IndexOption indexOption = new IndexOption();

    @Mixin
    SkillsOption skillsOption = new SkillsOption();

    @Option(names = "--manifest", paramLabel = "CSV", description = "CSV with a 'file' column and metadata columns.")
    Path manifest;

    @Option(names = "--json", description = "Print the summary as one JSON object on stdout.")
    boolean json;

    @Option(names = "--dry-run", description = "Read everything and report what would change; write nothing.")
    boolean dryRun;

    @Option(names = "--max-file-size", paramLabel = "MB", description = "Largest file to read, in MB.")
    Long maxFileMb;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Transcript files or folders: the whole archive.")
    List<Path> paths = List.of();

    public ReindexCommand(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (paths.isEmpty() && manifest == null) {
            err.println("verbatim reindex: give at least one PATH or a --manifest");
            return ExitCodes.USAGE;
        }
        Path indexDir = indexOption.resolve(settings.defaultIndex());
        long maxBytes = maxFileMb != null ? maxFileMb * 1024 * 1024 : settings.maxFileBytes();
        try {
            Manifest m = manifest == null ? Manifest.empty() : Manifest.read(manifest);
            Indexer indexer = new Indexer(indexDir, new TranscriptLoader(maxBytes),
                    new Enricher(new SkillExtractor(skillsOption.load(settings))), QuestionGrouping.standard(), settings.threads());
            IndexSummary summary = indexer.rebuild(paths, m, Progress.to(err), dryRun);
            if (json) {
                out.println(Json.write(summary));
            } else {
                IndexCommand.printSummary(out, summary, indexDir);
            }
            out.flush();
            return summary.failed().isEmpty() ? ExitCodes.OK : ExitCodes.SOME_FILES_FAILED;
        } catch (IndexLockedException e) {
            err.println("verbatim reindex: " + e.getMessage());
            return ExitCodes.LOCKED;
        } catch (UnreadableFileException e) {
            err.println("verbatim reindex: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (java.nio.file.NoSuchFileException e) {
            err.println("verbatim reindex: " + e.getFile() + ": no such file or folder");
            return ExitCodes.USAGE;
        } catch (IOException e) {
            err.println("verbatim reindex: " + e.getMessage());
            return ExitCodes.ERROR;
        }
    }
}
