package org.verbatim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.verbatim.config.Settings;
import org.verbatim.enrich.QuestionGrouping;
import org.verbatim.ingest.Timecodes;
import org.verbatim.search.BadQueryException;
import org.verbatim.search.CompareResult;
import org.verbatim.search.NoIndexException;
import org.verbatim.search.SearchRequest;
import org.verbatim.search.Archive;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Show every candidate's answer to one question, however it was worded.",
            "Give a question group id (from 'verbatim questions') for that group's answers, newest first,",
            "or the question in your own words for the answers whose question is closest in meaning, best first."})
public final class CompareCommand implements Callable<Integer> {

    private final Settings settings;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ArchiveOptions archive = new ArchiveOptions();

    @Option(names = "--filter", paramLabel = "FACET=VALUE", description = "Only interviews with this facet value; repeatable.")
    List<String> filters = new ArrayList<>();

    @Parameters(paramLabel = "QUESTION-TEXT-OR-ID", arity = "1..*", description = "A group id such as t-challenging-project, or question words.")
    List<String> question;

    public CompareCommand(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String text = String.join(" ", question).strip();
        try (Archive searcher = archive.open(settings, QuestionGrouping.standard())) {
            SearchRequest req = SearchRequest.of("").withFilters(SearchCommand.parseFilters(filters));
            // A group id gives the group; anything else is a question in the user's words, ranked by meaning.
            CompareResult r = searcher.compareAll(text, req);
            if (r == null) {
                r = searcher.compareTextAll(text, req);
            }
            if (r == null) {
                err.println("verbatim compare: no question groups in this index yet");
                return ExitCodes.USAGE;
            }
            if (archive.json) {
                out.println(Json.write(r));
            } else {
                out.printf("%s  [%s]%n%d answer%s%n", r.question().label(), r.question().id(), r.answers().size(),
                        r.answers().size() == 1 ? "" : "s");
                for (CompareResult.Answer a : r.answers()) {
                    var iv = a.interview();
                    out.printf("%n%s — %s%s  [%s #%d]%n", a.speaker() != null ? a.speaker() : String.join(", ", iv.candidates()),
                            iv.title(), iv.date() == null ? "" : " (" + iv.date() + ")", iv.id(), a.pair());
                    out.printf("  Asked: %s%s%n", a.questionAsked().replace('\n', ' '),
                            a.closeness() == null ? "" : String.format(java.util.Locale.ROOT, "  (closeness %.2f)", a.closeness()));
                    out.printf("  %s%s%n", a.start() == null ? "" : Timecodes.format(a.start()) + "  ", a.answer().replace("\n\n", "\n  "));
                }
            }
            out.flush();
            return ExitCodes.OK;
        } catch (BadQueryException e) {
            err.println("verbatim compare: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (NoIndexException e) {
            err.println("verbatim compare: " + e.getMessage());
            return ExitCodes.NO_INDEX;
        } catch (Exception e) {
            return Failures.report("compare", err, e);
        }
    }
}
