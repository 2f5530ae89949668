package org.verbatim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.verbatim.config.Settings;
import org.verbatim.ingest.Timecodes;
import org.verbatim.search.InterviewDetail;
import org.verbatim.search.NoIndexException;
import org.verbatim.search.Archive;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "show", mixinStandardHelpOptions = true, description = "Print one interview as question/answer pairs.")
public final class ShowCommand implements Callable<Integer> {

    private final Settings settings;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ArchiveOptions archive = new ArchiveOptions();

    @Parameters(paramLabel = "ID", description = "The interview id (as search results show it).")
    String id;

    public ShowCommand(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Archive searcher = archive.open(settings, null)) {
            InterviewDetail d = searcher.interview(id);
            if (d == null) {
                err.println("verbatim show: no interview with id '" + id + "'");
                return ExitCodes.USAGE;
            }
            if (archive.json) {
                out.println(Json.write(d));
                out.flush();
                return ExitCodes.OK;
            }
            var iv = d.interview();
            out.printf("%s  [%s]%n", iv.title(), iv.id());
            out.printf("Candidates: %s; interviewers: %s; role: %s; date: %s%n", String.join(", ", iv.candidates()),
                    String.join(", ", iv.interviewers()), iv.role() == null ? "-" : iv.role(), iv.date() == null ? "-" : iv.date());
            if (!d.skills().isEmpty()) {
                out.printf("Skills: %s%n", String.join(", ", d.skills().stream().map(k -> k.name() + " (" + k.pairs() + ")").toList()));
            }
            for (InterviewDetail.PairView p : d.pairs()) {
                String time = p.start() == null ? "" : " " + Timecodes.format(p.start());
                out.printf("%n#%d%s%n", p.pair(), time);
                if (!p.question().isEmpty()) {
                    out.printf("Q (%s): %s%n", p.questionSpeaker() == null ? "?" : p.questionSpeaker(), p.question());
                }
                if (!p.answer().isEmpty()) {
                    out.printf("A (%s): %s%n", p.speaker() == null ? "?" : p.speaker(), p.answer());
                }
            }
            out.flush();
            return ExitCodes.OK;
        } catch (NoIndexException e) {
            err.println("verbatim show: " + e.getMessage());
            return ExitCodes.NO_INDEX;
        } catch (Exception e) {
            return Failures.report("show", err, e);
        }
    }
}
