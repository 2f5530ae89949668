package org.verbatim.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.verbatim.config.Settings;
import org.verbatim.index.IndexSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = {"Rebuild the whole index from these files into a new generation beside the live one,",
            "check it, and switch to it atomically. Searches keep working on the old generation meanwhile.",
            "Safe to interrupt: the live index is untouched until the switch, and a rerun starts clean."})
public final class ReindexCommand implements Callable<Integer> {

    private final Settings settings;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    IndexingOptions options = new IndexingOptions();

    @Option(names = "--dry-run", description = "Read everything and report what would change; write nothing.")
    boolean dryRun;

    public ReindexCommand(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (options.missingInput() != null) {
            err.println("verbatim reindex: " + options.missingInput());
            return ExitCodes.USAGE;
        }
        try {
            IndexSummary summary = options.indexer(settings, true).rebuild(options.paths, options.manifest(), Progress.to(err), dryRun);
            return options.report(out, summary, settings);
        } catch (Exception e) {
            return Failures.report("reindex", err, e);
        }
    }
}
