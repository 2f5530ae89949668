package org.verbatim.web;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.verbatim.index.Schema;
import org.verbatim.search.BadQueryException;
import org.verbatim.search.IndexStats;
import org.verbatim.search.InterviewDetail;
import org.verbatim.search.LiveIndex;
import org.verbatim.search.SearchRequest;
import org.verbatim.search.Searcher;

/** The JSON API's handlers: each validates its parameters, makes one call and writes a record. */
final class ApiRoutes {

    private static final Set<String> SEARCH_PARAMS = Set.of("q", "page", "size", "sort", "in", "from", "to");
    private static final int SUGGESTIONS = 8;

    private final LiveIndex index;

    ApiRoutes(LiveIndex index) {
        this.index = index;
    }

    void search(Context ctx) throws Exception {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
            String name = e.getKey();
            if (Schema.FACETS.contains(name)) {
                List<String> values = new ArrayList<>();
                for (String v : e.getValue()) {
                    if (!v.isBlank()) {
                        values.add(v);
                    }
                }
                if (!values.isEmpty()) {
                    filters.put(name, values);
                }
            } else if (!SEARCH_PARAMS.contains(name)) {
                throw new BadRequestException("unknown parameter '" + name + "'; use q, page, size, sort, in, from, to or a facet ("
                        + String.join(", ", Schema.FACETS) + ")");
            }
        }
        SearchRequest req = new SearchRequest(ctx.queryParam("q"), intParam(ctx, "page", 1), intParam(ctx, "size", 10),
                sort(ctx.queryParam("sort")), scope(ctx.queryParam("in")), filters,
                dateParam(ctx, "from"), dateParam(ctx, "to"), 3);
        Json.write(ctx, index.searcher().search(req));
    }

    void interview(Context ctx) throws Exception {
        String id = ctx.pathParam("id");
        InterviewDetail d = index.searcher().interview(id);
        if (d == null) {
            throw new NotFoundException("no interview with id '" + id + "'");
        }
        // The source path is a detail of the server's disk, not something to hand to browsers.
        Json.write(ctx, Map.of("interview", d.interview(), "pairs", d.pairs(), "skills", d.skills()));
    }

    void suggest(Context ctx) throws Exception {
        String prefix = ctx.queryParam("prefix");
        if (prefix == null) {
            throw new BadRequestException("prefix is required, e.g. /api/suggest?prefix=kub");
        }
        Json.write(ctx, Map.of("prefix", prefix, "suggestions", index.searcher().suggest(prefix, SUGGESTIONS)));
    }

    void health(Context ctx) throws Exception {
        Searcher s;
        try {
            s = index.searcher();
        } catch (org.verbatim.search.NoIndexException e) {
            ctx.status(503);
            Json.write(ctx, Map.of("status", "no index", "detail", e.getMessage()));
            return;
        }
        IndexStats st = s.stats();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("interviews", st.interviews());
        body.put("pairs", st.pairs());
        body.put("updated", st.updated());
        Json.write(ctx, body);
    }

    private static int intParam(Context ctx, String name, int fallback) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + " must be a whole number (got: '" + v + "')");
        }
    }

    private static LocalDate dateParam(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be a date written YYYY-MM-DD (got: '" + v + "')");
        }
    }

    private static SearchRequest.SortOrder sort(String v) throws BadQueryException {
        if (v == null || v.isBlank() || v.equals("relevance")) {
            return SearchRequest.SortOrder.RELEVANCE;
        }
        if (v.equals("date")) {
            return SearchRequest.SortOrder.DATE;
        }
        throw new BadQueryException("sort must be relevance or date (got: '" + v + "')");
    }

    private static SearchRequest.Scope scope(String v) throws BadQueryException {
        if (v == null || v.isBlank() || v.equals("all")) {
            return SearchRequest.Scope.ALL;
        }
        return switch (v) {
            case "question" -> SearchRequest.Scope.QUESTION;
            case "answer" -> SearchRequest.Scope.ANSWER;
            default -> throw new BadQueryException("in must be all, question or answer (got: '" + v + "')");
        };
    }
}
