package org.verbatim.segment;

/**
 * One question and one interviewee's answer to it.
 *
 * @param index           position in the interview, from 0, in transcript order
 * @param question        the interviewer's words, remarks before the question included; empty for speech
 *                        that no question prompted (an opening statement)
 * @param questionSpeaker who asked, as written; {@code null} when the transcript names no speakers
 * @param answer          the interviewee's words; paragraphs separated by a blank line; may be empty
 *                        when nobody answered
 * @param answerSpeaker   who answered, as written, or {@code null}
 * @param start           seconds from the start, or {@code null} when the file has no times
 * @param end             seconds, or {@code null}
 * @param skills          canonical names of the skills mentioned in the question or the answer, filled
 *                        in by enrichment; empty before
 * @param questionGroup   the id of the group of questions that ask the same thing, or {@code null}
 *                        (no question, or not grouped yet)
 */
public record Pair(int index, String question, String questionSpeaker, String answer, String answerSpeaker,
                   Double start, Double end, java.util.List<String> skills, String questionGroup) {

    public Pair {
        skills = skills == null ? java.util.List.of() : java.util.List.copyOf(skills);
    }

    public Pair(int index, String question, String questionSpeaker, String answer, String answerSpeaker,
                Double start, Double end) {
        this(index, question, questionSpeaker, answer, answerSpeaker, start, end, java.util.List.of(), null);
    }

    public Pair withIndex(int value) {
        return new Pair(value, question, questionSpeaker, answer, answerSpeaker, start, end, skills, questionGroup);
    }

    public Pair withSkills(java.util.List<String> value) {
        return new Pair(index, question, questionSpeaker, answer, answerSpeaker, start, end, value, questionGroup);
    }

    public Pair withQuestionGroup(String value) {
        return new Pair(index, question, questionSpeaker, answer, answerSpeaker, start, end, skills, value);
    }
}
