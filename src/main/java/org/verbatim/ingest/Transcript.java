package org.verbatim.ingest;

import java.util.List;

/**
 * A file as read: its metadata (what the file itself says; sidecars and manifests are merged later),
 * its turns in order, and how those turns were cut.
 */
public record Transcript(Metadata metadata, List<Turn> turns, Layout layout, TranscriptFormat format) {

    public Transcript {
        metadata = metadata == null ? Metadata.EMPTY : metadata;
        turns = List.copyOf(turns);
    }

    public Transcript withMetadata(Metadata value) {
        return new Transcript(value, turns, layout, format);
    }
}
