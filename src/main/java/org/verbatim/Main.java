package org.verbatim;

import org.verbatim.cli.CompareCommand;
import org.verbatim.cli.DeleteCommand;
import org.verbatim.cli.GenerateCommand;
import org.verbatim.cli.SolrCommand;
import org.verbatim.cli.ReindexCommand;
import org.verbatim.cli.IndexCommand;
import org.verbatim.cli.QuestionsCommand;
import org.verbatim.cli.SearchCommand;
import org.verbatim.cli.ServeCommand;
import org.verbatim.cli.ShowCommand;
import org.verbatim.cli.StatsCommand;
import org.verbatim.cli.UsersCommand;
import org.verbatim.cli.VerbatimCommand;
import org.verbatim.config.Settings;
import picocli.CommandLine;

/** The only place that reads the environment and calls {@link System#exit}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Settings settings;
        try {
            settings = Settings.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("verbatim: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(commandLine(settings).execute(args));
    }

    /** The command line with every subcommand, for {@link #main} and for tests. */
    public static CommandLine commandLine(Settings settings) {
        CommandLine cl = new CommandLine(new VerbatimCommand());
        cl.addSubcommand(new IndexCommand(settings));
        cl.addSubcommand(new SearchCommand(settings));
        cl.addSubcommand(new StatsCommand(settings));
        cl.addSubcommand(new ShowCommand(settings));
        cl.addSubcommand(new ReindexCommand(settings));
        cl.addSubcommand(new DeleteCommand(settings));
        cl.addSubcommand(QuestionsCommand.withCorrections(settings));
        cl.addSubcommand(new CompareCommand(settings));
        cl.addSubcommand(new ServeCommand(settings));
        cl.addSubcommand(new UsersCommand(settings));
        cl.addSubcommand(new GenerateCommand());
        cl.addSubcommand(new SolrCommand());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("verbatim: unexpected error: " + e);
            return 5;
        });
        return cl;
    }
}
