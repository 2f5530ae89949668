package org.verbatim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.verbatim.config.Settings;
import org.verbatim.enrich.QuestionGrouping;
import org.verbatim.index.Deleter;
import org.verbatim.index.IndexLockedException;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "delete", mixinStandardHelpOptions = true,
        description = {"Delete an interview, or every interview of a candidate, with everything derived from it",
            "(pairs, skills, question-group wordings, suggestions). The deletion is logged in deletions.log",
            "beside the index: who, what (interview ids) and when, without the deleted content."})
public final class DeleteCommand implements Callable<Integer> {

    private final Settings settings;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    IndexOption indexOption = new IndexOption();

    static final class Target {
        @Option(names = "--interview", paramLabel = "ID", required = true, description = "The interview's id.")
        String interview;

        @Option(names = "--candidate", paramLabel = "NAME", required = true, description = "The candidate's name, as the interviews write it.")
        String candidate;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--dry-run", description = "Show what would be deleted; delete nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    public DeleteCommand(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Deleter deleter = new Deleter(indexOption.resolve(settings.defaultIndex()), QuestionGrouping.standard());
        String actor = "cli:" + System.getProperty("user.name", "unknown");
        try {
            Deleter.Result r = target.interview != null ? deleter.deleteInterview(target.interview, dryRun, actor)
                    : deleter.deleteCandidate(target.candidate, dryRun, actor);
            if (json) {
                out.println(Json.write(r));
            } else if (r.interviews().isEmpty()) {
                out.println("Nothing matched; nothing was deleted.");
            } else {
                out.printf("%s %d interview%s (%d pairs): %s%n", dryRun ? "Would delete" : "Deleted", r.interviews().size(),
                        r.interviews().size() == 1 ? "" : "s", r.pairs(), String.join(", ", r.interviews()));
            }
            out.flush();
            return r.interviews().isEmpty() ? ExitCodes.NOT_FOUND : ExitCodes.OK;
        } catch (IndexLockedException e) {
            err.println("verbatim delete: " + e.getMessage());
            return ExitCodes.LOCKED;
        } catch (Exception e) {
            return Failures.report("delete", err, e);
        }
    }
}
