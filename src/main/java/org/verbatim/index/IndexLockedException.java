package org.verbatim.index;

import java.io.IOException;

/** Another process is writing to the index. */
public class IndexLockedException extends IOException {

    public IndexLockedException(String message, Throwable cause) {
        super(message, cause);
    }
}
