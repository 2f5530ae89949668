package org.verbatim.ingest;

/** The formats Verbatim reads; the {@link #label()} is what the {@code format} facet shows. */
public enum TranscriptFormat {
    PLAIN_TEXT("plain text"),
    LABELLED_TEXT("speaker-labelled text"),
    MARKDOWN("markdown"),
    OTTER("otter export"),
    PRESS("press transcript"),
    TIMESTAMPED_LINES("timestamped lines"),
    WEBVTT("webvtt"),
    SRT("srt"),
    SBV("sbv"),
    LRC("lrc"),
    WHISPER_JSON("whisper json"),
    WHISPER_TSV("whisper tsv"),
    AWS_TRANSCRIBE("amazon transcribe json"),
    VERBATIM_JSON("verbatim json");

    private final String label;

    TranscriptFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
