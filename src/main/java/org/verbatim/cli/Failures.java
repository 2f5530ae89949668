package org.verbatim.cli;

import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import org.verbatim.index.IndexLockedException;
import org.verbatim.ingest.UnreadableFileException;
import org.verbatim.search.BadQueryException;
import org.verbatim.search.NoIndexException;

/** Turns what went wrong into one line on stderr and the documented exit code; the same for every command. */
final class Failures {

    private Failures() {
    }

    static int report(String command, PrintWriter err, Exception e) {
        String prefix = "verbatim " + command + ": ";
        int code;
        String message = e.getMessage();
        if (e instanceof BadQueryException || e instanceof UnreadableFileException || e instanceof IllegalArgumentException) {
            code = ExitCodes.USAGE;
        } else if (e instanceof NoSuchFileException f) {
            code = ExitCodes.USAGE;
            message = f.getFile() + ": no such file or folder";
        } else if (e instanceof NoIndexException) {
            code = ExitCodes.NO_INDEX;
        } else if (e instanceof IndexLockedException) {
            code = ExitCodes.LOCKED;
        } else {
            code = ExitCodes.ERROR;
        }
        err.println(prefix + (message == null ? e.toString() : message));
        err.flush();
        return code;
    }
}
