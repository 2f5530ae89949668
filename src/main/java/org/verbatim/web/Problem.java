package org.verbatim.web;

/** An error body as RFC 9457 describes it ({@code application/problem+json}). */
public record Problem(int status, String title, String detail) {
}
