package org.verbatim.search;

import java.io.IOException;

/** There is no index at the given location yet. */
public class NoIndexException extends IOException {

    public NoIndexException(String message) {
        super(message);
    }
}
