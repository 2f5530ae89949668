package org.verbatim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.verbatim.config.Settings;
import org.verbatim.search.FacetValue;
import org.verbatim.search.IndexStats;
import org.verbatim.search.NoIndexException;
import org.verbatim.search.Archive;
import org.verbatim.search.Searcher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "stats", mixinStandardHelpOptions = true, description = "Show what the index holds.")
public final class StatsCommand implements Callable<Integer> {

    private final Settings settings;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    IndexOption indexOption = new IndexOption();

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    public StatsCommand(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var dir = indexOption.resolve(settings.defaultIndex());
        try (Archive searcher = Searcher.open(dir)) {
            IndexStats s = searcher.stats();
            if (json) {
                out.println(Json.write(s));
            } else {
                out.printf("Index:       %s%n", dir.toAbsolutePath().normalize());
                out.printf("Interviews:  %d%n", s.interviews());
                out.printf("Pairs:       %d%n", s.pairs());
                out.printf("Candidates:  %d%n", s.candidates());
                StringBuilder f = new StringBuilder();
                for (FacetValue v : s.formats()) {
                    f.append(v.value()).append(" (").append(v.count()).append("), ");
                }
                out.printf("Formats:     %s%n", f.length() == 0 ? "-" : f.substring(0, f.length() - 2));
                out.printf(Locale.ROOT, "Size:        %.1f MB%n", s.sizeBytes() / (1024.0 * 1024.0));
                out.printf("Updated:     %s%n", s.updated() == null ? "-" : s.updated());
            }
            out.flush();
            return ExitCodes.OK;
        } catch (NoIndexException e) {
            err.println("verbatim stats: " + e.getMessage());
            return ExitCodes.NO_INDEX;
        } catch (Exception e) {
            return Failures.report("stats", err, e);
        }
    }
}
