package org.verbatim.web;

/** A request parameter that is missing or wrong; becomes a 400 whose detail names it. */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
