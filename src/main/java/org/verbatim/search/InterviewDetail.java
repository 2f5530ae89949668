package org.verbatim.search;

import java.util.List;

/** A whole interview: its summary and every pair in transcript order. */
public record InterviewDetail(InterviewSummary interview, String source, List<PairView> pairs) {

    /** One pair as stored; times in seconds or {@code null}. */
    public record PairView(int pair, String question, String questionSpeaker, String answer, String speaker,
                           Double start, Double end) {
    }
}
