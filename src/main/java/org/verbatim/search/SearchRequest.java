package org.verbatim.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A search: Lucene query syntax in {@code query} (empty lists everything, newest first), a 1-based page,
 * facet filters (values of one facet OR-ed, facets AND-ed), an optional date range, and how answers are
 * found: by their words (the default), by meaning, or both fused ({@link Mode}).
 */
public record SearchRequest(String query, int page, int size, SortOrder sort, Scope in,
                            Map<String, List<String>> filters, LocalDate from, LocalDate to, int matchesPerInterview,
                            Mode mode) {

    public enum SortOrder { RELEVANCE, DATE }

    /** Which text a query without field names searches. */
    public enum Scope { ALL, QUESTION, ANSWER }

    /**
     * How answers are found: {@code KEYWORD} by the query's words (BM25, the query syntax); {@code SEMANTIC}
     * by the meaning of the query's text (nearest answer passages); {@code HYBRID} both, fused by their
     * ranks. The last two need an archive indexed with {@code --semantic}.
     */
    public enum Mode {
        KEYWORD, SEMANTIC, HYBRID;

        /** The mode named {@code keyword}, {@code semantic} or {@code hybrid}; blank is keyword. */
        public static Mode named(String name) throws BadQueryException {
            if (name == null || name.isBlank()) {
                return KEYWORD;
            }
            return switch (name.strip()) {
                case "keyword" -> KEYWORD;
                case "semantic" -> SEMANTIC;
                case "hybrid" -> HYBRID;
                default -> throw new BadQueryException("mode must be keyword, semantic or hybrid (got: '" + name + "')");
            };
        }
    }

    public SearchRequest {
        query = query == null ? "" : query.strip();
        filters = filters == null ? Map.of() : Map.copyOf(filters);
        sort = sort == null ? SortOrder.RELEVANCE : sort;
        in = in == null ? Scope.ALL : in;
        mode = mode == null ? Mode.KEYWORD : mode;
    }

    /** A keyword search. */
    public SearchRequest(String query, int page, int size, SortOrder sort, Scope in, Map<String, List<String>> filters,
                         LocalDate from, LocalDate to, int matchesPerInterview) {
        this(query, page, size, sort, in, filters, from, to, matchesPerInterview, Mode.KEYWORD);
    }

    public static SearchRequest of(String query) {
        return new SearchRequest(query, 1, 10, SortOrder.RELEVANCE, Scope.ALL, Map.of(), null, null, 3);
    }

    public SearchRequest withFilters(Map<String, List<String>> value) {
        return new SearchRequest(query, page, size, sort, in, value, from, to, matchesPerInterview, mode);
    }

    public SearchRequest withQuery(String value) {
        return new SearchRequest(value, page, size, sort, in, filters, from, to, matchesPerInterview, mode);
    }

    public SearchRequest withSize(int value) {
        return new SearchRequest(query, page, value, sort, in, filters, from, to, matchesPerInterview, mode);
    }

    public SearchRequest withMode(Mode value) {
        return new SearchRequest(query, page, size, sort, in, filters, from, to, matchesPerInterview, value);
    }
}
