package org.verbatim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.verbatim.config.Settings;
import org.verbatim.search.BadQueryException;
import org.verbatim.search.NoIndexException;
import org.verbatim.search.QuestionGroupView;
import org.verbatim.search.SearchRequest;
import org.verbatim.search.Archive;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "questions", mixinStandardHelpOptions = true,
        description = {"List question groups (questions asked in other words count as one), most asked first.",
            "Correct them with the subcommands: merge, split, rename; list the corrections with 'corrections'."})
public final class QuestionsCommand implements Callable<Integer> {

    private final Settings settings;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ArchiveOptions archive = new ArchiveOptions();

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "Groups to show (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--filter", paramLabel = "FACET=VALUE", description = "Only interviews with this facet value; repeatable.")
    List<String> filters = new ArrayList<>();

    @Parameters(paramLabel = "QUERY", arity = "0..*", description = "Only groups whose questions match these words.")
    List<String> query = List.of();

    public QuestionsCommand(Settings settings) {
        this.settings = settings;
    }

    /** The command with its correction subcommands ({@code merge}, {@code split}, {@code rename}, {@code corrections}). */
    public static CommandLine withCorrections(Settings settings) {
        CommandLine cl = new CommandLine(new QuestionsCommand(settings));
        for (Object sub : CurateCommand.all(settings)) {
            cl.addSubcommand(sub);
        }
        return cl;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Archive searcher = archive.open(settings, null)) {
            SearchRequest req = SearchRequest.of(String.join(" ", query)).withFilters(SearchCommand.parseFilters(filters));
            List<QuestionGroupView> groups = searcher.questions(req, limit);
            if (archive.json) {
                out.println(Json.write(java.util.Map.of("questions", groups)));
            } else {
                for (QuestionGroupView g : groups) {
                    out.printf("%4d  %-22s %s%n", g.interviews(), g.id(), g.label());
                }
                if (groups.isEmpty()) {
                    out.println("No question groups.");
                }
            }
            out.flush();
            return ExitCodes.OK;
        } catch (BadQueryException e) {
            err.println("verbatim questions: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (NoIndexException e) {
            err.println("verbatim questions: " + e.getMessage());
            return ExitCodes.NO_INDEX;
        } catch (Exception e) {
            return Failures.report("questions", err, e);
        }
    }
}
