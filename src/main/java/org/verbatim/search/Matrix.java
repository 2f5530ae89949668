package org.verbatim.search;

import java.util.List;

/**
 * Candidates as rows and question groups as columns; each cell is the start of that candidate's answer,
 * or {@code null} when the candidate was never asked that question.
 */
public record Matrix(List<CompareResult.Question> questions, List<Row> rows) {

    public record Row(String candidate, List<Cell> cells) {
    }

    public record Cell(String interviewId, Integer pair, String answerStart) {
    }
}
