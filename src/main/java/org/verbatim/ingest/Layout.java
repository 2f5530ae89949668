package org.verbatim.ingest;

/** How a file cut its text into turns, which tells segmentation how to read turns without speakers. */
public enum Layout {
    /** Each turn is a speaker's whole contribution (labelled formats). */
    TURNS,
    /** Each turn is a paragraph; with no speakers, paragraphs alternate between asking and answering. */
    PARAGRAPHS,
    /** Each turn is a caption or a line cut at arbitrary points; sentences run across turns. */
    CAPTIONS
}
