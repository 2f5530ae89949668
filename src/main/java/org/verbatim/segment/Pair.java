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
 */
public record Pair(int index, String question, String questionSpeaker, String answer, String answerSpeaker,
                   Double start, Double end) {

    public Pair withIndex(int value) {
        return new Pair(value, question, questionSpeaker, answer, answerSpeaker, start, end);
    }
}
