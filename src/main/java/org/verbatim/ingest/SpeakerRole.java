package org.verbatim.ingest;

/** What a file says about a speaker's part in the conversation. */
public enum SpeakerRole {
    INTERVIEWER, INTERVIEWEE, UNKNOWN;

    /** Reads the role words used by the formats we read ("interviewer", "candidate", "Q"...). */
    public static SpeakerRole parse(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "interviewer", "host", "moderator", "recruiter", "q", "question" -> INTERVIEWER;
            case "candidate", "interviewee", "guest", "respondent", "answer" -> INTERVIEWEE;
            default -> UNKNOWN;
        };
    }
}
