package org.verbatim.search;

import java.util.List;

/** An interview that matched, with its best matching pairs first. */
public record Hit(InterviewSummary interview, float score, List<Match> matches) {
}
