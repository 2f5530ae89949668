package org.verbatim.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A search: Lucene query syntax in {@code query} (empty lists everything, newest first), a 1-based page,
 * facet filters (values of one facet OR-ed, facets AND-ed) and an optional date range.
 */
public record SearchRequest(String query, int page, int size, SortOrder sort, Scope in,
                            Map<String, List<String>> filters, LocalDate from, LocalDate to, int matchesPerInterview) {

    public enum SortOrder { RELEVANCE, DATE }

    /** Which text a query without field names searches. */
    public enum Scope { ALL, QUESTION, ANSWER }

    public SearchRequest {
        query = query == null ? "" : query.strip();
        filters = filters == null ? Map.of() : Map.copyOf(filters);
        sort = sort == null ? SortOrder.RELEVANCE : sort;
        in = in == null ? Scope.ALL : in;
    }

    public static SearchRequest of(String query) {
        return new SearchRequest(query, 1, 10, SortOrder.RELEVANCE, Scope.ALL, Map.of(), null, null, 3);
    }

    public SearchRequest withFilters(Map<String, List<String>> value) {
        return new SearchRequest(query, page, size, sort, in, value, from, to, matchesPerInterview);
    }

    public SearchRequest withQuery(String value) {
        return new SearchRequest(value, page, size, sort, in, filters, from, to, matchesPerInterview);
    }

    public SearchRequest withSize(int value) {
        return new SearchRequest(query, page, value, sort, in, filters, from, to, matchesPerInterview);
    }
}
