package org.verbatim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code verbatim} command; the work is in its subcommands. */
@Command(name = "verbatim", mixinStandardHelpOptions = true, version = "Verbatim 0.1.0",
        description = "A self-hosted, full-text searchable archive of interview transcripts.",
        footer = {"", "Exit codes: 0 ok, 1 some files failed, 2 bad usage or query, 3 no index, 4 index locked, 5 other error, 6 nothing matched.",
            "The index location is --index, else $VERBATIM_INDEX, else ./index-data."})
public final class VerbatimCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
