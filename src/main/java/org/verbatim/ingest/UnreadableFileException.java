package org.verbatim.ingest;

/**
 * The documented "cannot read this file" error: the file is not a transcript Verbatim can read. The
 * message says why in words a person can act on; the indexer reports it with the file name and goes on.
 */
public class UnreadableFileException extends Exception {

    public UnreadableFileException(String message) {
        super(message);
    }

    public UnreadableFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
