package org.verbatim.search;

import java.util.List;

/** What the index holds. {@code updated} is the ISO time of the last commit, or {@code null}. */
public record IndexStats(long interviews, long pairs, long candidates, List<FacetValue> formats, long sizeBytes,
                         String updated) {
}
