package org.verbatim.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.verbatim.config.Settings;
import org.verbatim.enrich.QuestionGrouping;
import org.verbatim.index.Curation;
import org.verbatim.index.IndexLockedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code verbatim questions merge|split|rename|corrections}: correcting the question groups. Each
 * correction is kept in the index folder and applied again by every indexing and rebuild.
 */
final class CurateCommand {

    private CurateCommand() {
    }

    /** Runs one correction and prints what it changed. */
    private abstract static class Correction implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        IndexOption indexOption = new IndexOption();

        @CommandLine.Option(names = "--json", description = "Print the result as JSON.")
        boolean json;

        final Settings settings;

        Correction(Settings settings) {
            this.settings = settings;
        }

        abstract Curation.Result apply(Curation curation) throws Exception;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String name = "verbatim questions " + spec.name();
            try {
                Curation.Result r = apply(new Curation(indexOption.resolve(settings.defaultIndex()), QuestionGrouping.standard()));
                if (json) {
                    out.println(Json.write(r));
                } else {
                    out.printf("%s (%d interview%s, %d question%s moved)%n", capitalised(r.correction()), r.interviews(),
                            r.interviews() == 1 ? "" : "s", r.pairs(), r.pairs() == 1 ? "" : "s");
                }
                out.flush();
                return ExitCodes.OK;
            } catch (Curation.RefusedException e) {
                err.println(name + ": " + e.getMessage());
                return ExitCodes.USAGE;
            } catch (IndexLockedException e) {
                err.println(name + ": " + e.getMessage());
                return ExitCodes.LOCKED;
            } catch (Exception e) {
                return Failures.report("questions " + spec.name(), err, e);
            }
        }

        private static String capitalised(String s) {
            return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }
    }

    @Command(name = "merge", mixinStandardHelpOptions = true,
            description = "Merge a question group into another: its answers are compared with the other's from now on.")
    static final class Merge extends Correction {
        @Parameters(index = "0", paramLabel = "FROM", description = "The group to merge away, e.g. q-3c0842ee5e.")
        String from;

        @Parameters(index = "1", paramLabel = "INTO", description = "The group that takes its questions, e.g. t-why-leaving.")
        String into;

        Merge(Settings settings) {
            super(settings);
        }

        @Override
        Curation.Result apply(Curation curation) throws Exception {
            return curation.merge(from, into);
        }
    }

    @Command(name = "split", mixinStandardHelpOptions = true,
            description = {"Take a question out of its group: that wording, wherever it was asked, forms a group of its own.",
                "Name the question by its interview and pair, as 'verbatim show' and compare print them ([ID #PAIR])."})
    static final class Split extends Correction {
        @Parameters(index = "0", paramLabel = "INTERVIEW", description = "The interview id.")
        String interview;

        @Parameters(index = "1", paramLabel = "PAIR", description = "The pair number in that interview (5 or #5).")
        String pair;

        Split(Settings settings) {
            super(settings);
        }

        @Override
        Curation.Result apply(Curation curation) throws Exception {
            String n = pair.startsWith("#") ? pair.substring(1) : pair;
            if (!n.matches("\\d{1,9}")) {
                throw new Curation.RefusedException("PAIR must be a pair number such as 5 or #5 (got: '" + pair + "')");
            }
            return curation.split(interview, Integer.parseInt(n));
        }
    }

    @Command(name = "rename", mixinStandardHelpOptions = true, description = "Give a question group the label people see.")
    static final class Rename extends Correction {
        @Parameters(index = "0", paramLabel = "GROUP", description = "The group id.")
        String group;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "LABEL", description = "The new label.")
        List<String> label;

        Rename(Settings settings) {
            super(settings);
        }

        @Override
        Curation.Result apply(Curation curation) throws Exception {
            return curation.rename(group, String.join(" ", label));
        }
    }

    @Command(name = "corrections", mixinStandardHelpOptions = true, description = "List the corrections made to the question groups.")
    static final class List_ implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        IndexOption indexOption = new IndexOption();

        @CommandLine.Option(names = "--json", description = "Print them as JSON.")
        boolean json;

        private final Settings settings;

        List_(Settings settings) {
            this.settings = settings;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                var c = new Curation(indexOption.resolve(settings.defaultIndex()), null).corrections();
                if (json) {
                    out.println(Json.write(c));
                } else {
                    List<String> lines = c.describe();
                    lines.forEach(out::println);
                    if (lines.isEmpty()) {
                        out.println("No corrections.");
                    }
                }
                out.flush();
                return ExitCodes.OK;
            } catch (Exception e) {
                return Failures.report("questions corrections", spec.commandLine().getErr(), e);
            }
        }
    }

    /** The correction commands, to add under {@code verbatim questions}. */
    static List<Object> all(Settings settings) {
        return List.of(new Merge(settings), new Split(settings), new Rename(settings), new List_(settings));
    }
}
