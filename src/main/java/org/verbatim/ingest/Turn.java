package org.verbatim.ingest;

/**
 * One stretch of speech as the file gives it.
 *
 * @param speaker the speaker label exactly as written, or {@code null} when the format has none
 * @param role    what the file says about the speaker's part, {@link SpeakerRole#UNKNOWN} when it says nothing
 * @param text    normalised text; paragraphs separated by a blank line
 * @param start   seconds from the start of the recording, or {@code null} when the file has no times
 * @param end     seconds, or {@code null}
 */
public record Turn(String speaker, SpeakerRole role, String text, Double start, Double end) {

    public Turn {
        role = role == null ? SpeakerRole.UNKNOWN : role;
        text = text == null ? "" : text;
    }

    public static Turn of(String speaker, String text, Double start, Double end) {
        return new Turn(speaker, SpeakerRole.UNKNOWN, text, start, end);
    }

    public boolean hasSpeaker() {
        return speaker != null && !speaker.isBlank();
    }

    public Turn withText(String newText) {
        return new Turn(speaker, role, newText, start, end);
    }
}
