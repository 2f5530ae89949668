package org.verbatim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.verbatim.config.Settings;
import org.verbatim.web.Users;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "users", mixinStandardHelpOptions = true,
        description = {"Manage who may use the server when it listens beyond this machine (serve --host).",
            "Each user has a role, reader or admin, and a token that is shown once when the user is added;",
            "the users file keeps only a salted hash of it."},
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Remove.class})
public final class UsersCommand implements Runnable {

    private final Settings settings;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public UsersCommand(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What every users subcommand has: the users file and where to print. */
    abstract static class Subcommand implements Callable<Integer> {
        @CommandLine.ParentCommand
        UsersCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        IndexOption indexOption = new IndexOption();

        @Mixin
        UsersOption usersOption = new UsersOption();

        @Override
        public final Integer call() throws Exception {
            try {
                return run(usersOption.resolve(indexOption.resolve(parent.settings.defaultIndex())),
                        spec.commandLine().getOut(), spec.commandLine().getErr());
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("verbatim users " + spec.name() + ": " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }

        abstract int run(Path file, PrintWriter out, PrintWriter err) throws Exception;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a user and print their new token (shown only this once).")
    static final class Add extends Subcommand {
        @Parameters(paramLabel = "NAME", description = "The user's name, as the access log will show it.")
        String name;

        @Option(names = "--role", defaultValue = "reader", paramLabel = "ROLE",
                description = "reader (search and read) or admin (also rebuild and delete); default: ${DEFAULT-VALUE}.")
        String role;

        @Override
        int run(Path file, PrintWriter out, PrintWriter err) throws Exception {
            Users.Role r = Users.Role.parse(role);
            out.println(Users.add(file, name, r));
            err.printf("Added %s (%s) to %s. The line above is their token: give it to them now, it is not stored and cannot be shown again.%n",
                    name, r.label(), file);
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the users and their roles (never their tokens).")
    static final class ListUsers extends Subcommand {
        @Override
        int run(Path file, PrintWriter out, PrintWriter err) throws Exception {
            for (Users.User u : Users.read(file).list()) {
                out.printf("%s\t%s%n", u.name(), u.role().label());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a user; a running server stops taking their token within a second or two.")
    static final class Remove extends Subcommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int run(Path file, PrintWriter out, PrintWriter err) throws Exception {
            if (!Users.remove(file, name)) {
                err.println("verbatim users remove: no user named '" + name + "' in " + file);
                return ExitCodes.NOT_FOUND;
            }
            err.println("Removed " + name + " from " + file + ".");
            return ExitCodes.OK;
        }
    }
}
