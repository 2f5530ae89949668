package org.verbatim.search;

/** A question group: its stable id, its label (most asked wording), and how many interviews asked it. */
public record QuestionGroupView(String id, String label, long interviews) {
}
