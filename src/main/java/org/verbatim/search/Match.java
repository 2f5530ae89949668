package org.verbatim.search;

/**
 * A pair that matched. Snippets are HTML-escaped text in which {@code <mark>} and {@code </mark>} are
 * the only markup. {@code start} is seconds, or {@code null} when the transcript has no times.
 * {@code questionGroup} is the id of the question's group, for comparing answers, or {@code null}.
 */
public record Match(int pair, String question, String questionSnippet, String answerSnippet, String speaker, Double start,
                    String questionGroup) {
}
