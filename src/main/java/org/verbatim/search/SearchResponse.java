package org.verbatim.search;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}. {@code didYouMean} is {@code null} unless a likely typo was found.
 * {@code timedOut} says the search hit its time limit: the results and counts are what was found until then.
 */
public record SearchResponse(String query, long tookMs, boolean timedOut, Totals total, List<Hit> results,
                             Map<String, List<FacetValue>> facets, String didYouMean) {

    /** Interviews that matched, and the pairs (answers) that matched within them. */
    public record Totals(long interviews, long answers) {
    }
}
