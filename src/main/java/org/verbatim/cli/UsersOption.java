package org.verbatim.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --users FILE} option: who may use a server reachable from other machines. */
final class UsersOption {

    static final String DEFAULT_NAME = "users.tsv";

    @Option(names = "--users", paramLabel = "FILE", description = "The users file (default: users.tsv in the index folder).")
    Path users;

    Path resolve(Path indexDir) {
        return users != null ? users : indexDir.resolve(DEFAULT_NAME);
    }
}
