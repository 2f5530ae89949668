package org.verbatim.search;

import java.util.List;

/**
 * A whole interview: its summary, every pair in transcript order, and the skills it mentions with how
 * many pairs mention each, most first.
 */
public record InterviewDetail(InterviewSummary interview, String source, List<PairView> pairs, List<SkillCount> skills) {

    /** One pair as stored; times in seconds or {@code null}; the skills the pair mentions; its question group or {@code null}. */
    public record PairView(int pair, String question, String questionSpeaker, String answer, String speaker,
                           Double start, Double end, List<String> skills, String questionGroup) {
    }
}
