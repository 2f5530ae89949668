package org.verbatim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.verbatim.tools.CorpusGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a deterministic archive of realistic interviews for benchmarks (same seed, same bytes).")
public final class GenerateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--interviews", paramLabel = "N", required = true, description = "How many interviews.")
    int interviews;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write into.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        if (interviews < 1) {
            spec.commandLine().getErr().println("verbatim generate: --interviews must be >= 1 (got: " + interviews + ")");
            return ExitCodes.USAGE;
        }
        try {
            long t0 = System.nanoTime();
            long bytes = new CorpusGenerator(seed).write(interviews, out);
            o.printf(Locale.ROOT, "Wrote %d interviews (%.1f MB of transcripts) to %s in %.1f s%n", interviews, bytes / 1e6,
                    out, (System.nanoTime() - t0) / 1e9);
            o.flush();
            return ExitCodes.OK;
        } catch (Exception e) {
            return Failures.report("generate", spec.commandLine().getErr(), e);
        }
    }
}
