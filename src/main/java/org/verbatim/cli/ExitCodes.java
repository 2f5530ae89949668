package org.verbatim.cli;

/** The exit codes of every command, as documented in the README. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Some files could not be read; the others were indexed. */
    public static final int SOME_FILES_FAILED = 1;
    /** Bad usage or a query that does not parse. */
    public static final int USAGE = 2;
    /** There is no index at the given location. */
    public static final int NO_INDEX = 3;
    /** Another process is writing to the index. */
    public static final int LOCKED = 4;
    /** Any other failure (disk, permissions). */
    public static final int ERROR = 5;
    /** Nothing matched what was asked for (delete). */
    public static final int NOT_FOUND = 6;

    private ExitCodes() {
    }
}
