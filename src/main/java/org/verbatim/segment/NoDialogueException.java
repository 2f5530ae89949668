package org.verbatim.segment;

/** Unlabeled text with no questions in it: nothing can be told apart as a question or an answer. */
public class NoDialogueException extends Exception {

    public NoDialogueException(String message) {
        super(message);
    }
}
