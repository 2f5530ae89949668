package org.verbatim.search;

/** A query or parameter that cannot be run; the message names the problem in one line. */
public class BadQueryException extends Exception {

    public BadQueryException(String message) {
        super(message);
    }

    public BadQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
