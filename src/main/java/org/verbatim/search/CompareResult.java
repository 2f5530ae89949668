package org.verbatim.search;

import java.util.List;

/**
 * Answers to one question group: one per interviewee who was asked, newest interview first; {@code total}
 * answers in all, of which {@code answers} is the page asked for. {@code answerHtml} is the answer
 * HTML-escaped with the query's words in {@code <mark>}. {@code closeness} (compare by text only) is the cosine of
 * the question asked with the text typed, 1 for the same meaning.
 */
public record CompareResult(Question question, int total, List<Answer> answers) {

    public record Question(String id, String label) {
    }

    public record Answer(InterviewSummary interview, int pair, String questionAsked, String answer, String answerHtml,
                         String speaker, Double start, Double closeness) {
    }
}
