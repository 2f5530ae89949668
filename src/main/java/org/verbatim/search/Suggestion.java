package org.verbatim.search;

/** A completion: the text, what it is ({@code candidate}, {@code role} or {@code term}), and how many interviews or pairs have it. */
public record Suggestion(String value, String type, long count) {
}
