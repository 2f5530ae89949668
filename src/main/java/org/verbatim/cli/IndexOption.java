package org.verbatim.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --index DIR} option shared by every command; falls back to the configured default. */
final class IndexOption {

    @Option(names = "--index", paramLabel = "DIR", description = "Index folder (default: $VERBATIM_INDEX or ./index-data).")
    Path index;

    Path resolve(Path fallback) {
        return index != null ? index : fallback;
    }
}
