package org.verbatim.search;

import java.util.List;

/**
 * Every answer to one question group: one per interviewee who was asked, newest interview first.
 * {@code answerHtml} is the answer HTML-escaped with the query's words in {@code <mark>}.
 */
public record CompareResult(Question question, List<Answer> answers) {

    public record Question(String id, String label) {
    }

    public record Answer(InterviewSummary interview, int pair, String questionAsked, String answer, String answerHtml,
                         String speaker, Double start) {
    }
}
