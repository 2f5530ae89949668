package org.verbatim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.verbatim.config.Settings;
import org.verbatim.index.IndexSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "index", mixinStandardHelpOptions = true,
        description = {"Read transcript files and folders (recursively) into the index.",
            "Unchanged files are skipped; changed files replace their interviews."})
public final class IndexCommand implements Callable<Integer> {

    private final Settings settings;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    IndexingOptions options = new IndexingOptions();

    @Option(names = "--prune", description = "Remove interviews whose file was under a given folder and is gone.")
    boolean prune;

    @Option(names = "--no-question-groups", description = "Skip grouping questions (compare views then show nothing for the new interviews; for measuring).")
    boolean noQuestionGroups;

    public IndexCommand(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (options.missingInput() != null) {
            err.println("verbatim index: " + options.missingInput());
            return ExitCodes.USAGE;
        }
        try {
            IndexSummary summary = options.indexer(settings, !noQuestionGroups)
                    .index(options.paths, options.manifest(), Progress.to(err), prune);
            return options.report(out, summary, settings);
        } catch (Exception e) {
            return Failures.report("index", err, e);
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
