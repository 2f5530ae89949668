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
import org.verbatim.search.CompareResult;
import org.verbatim.search.IndexStats;
import org.verbatim.search.InterviewDetail;
import org.verbatim.search.LiveIndex;
import org.verbatim.search.SearchRequest;
import org.verbatim.search.Archive;

/** The JSON API's handlers: each validates its parameters, makes one call and writes a record. */
final class ApiRoutes {

    private static final Set<String> SEARCH_PARAMS = Set.of("q", "page", "size", "sort", "in", "from", "to", "mode");
    private static final int SUGGESTIONS = 8;
    private static final int COMPARE_PAGE = 50;

    private final LiveIndex index;
    private final Recordings recordings;
    private final Access access;

    ApiRoutes(LiveIndex index, Recordings recordings, Access access) {
        this.index = index;
        this.recordings = recordings;
        this.access = access;
    }

    void search(Context ctx) throws Exception {
        Json.write(ctx, index.archive().search(request(ctx, Set.of())));
    }

    void questions(Context ctx) throws Exception {
        int limit = intParam(ctx, "limit", 100);
        if (limit < 1 || limit > 1000) {
            throw new BadRequestException("limit must be between 1 and 1000 (got: " + limit + ")");
        }
        SearchRequest req = request(ctx, Set.of("limit"));
        Json.write(ctx, Map.of("questions", index.archive().questions(req, limit)));
    }

    /** A page of answers ({@code page}, {@code size}: 50 unless given, at most 100). */
    void compare(Context ctx) throws Exception {
        Json.write(ctx, compareResult(ctx, false));
    }

    /** Every answer, as CSV. */
    void compareCsv(Context ctx) throws Exception {
        CompareResult r = compareResult(ctx, true);
        ctx.header("Content-Disposition", "attachment; filename=\"compare-" + r.question().id().replaceAll("[^A-Za-z0-9_-]", "") + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(Csv.compare(r));
    }

    void matrix(Context ctx) throws Exception {
        String ids = ctx.queryParam("questions");
        if (ids == null || ids.isBlank()) {
            throw new BadRequestException("questions is required: a comma-separated list of question group ids, e.g. questions=t-challenging-project,t-why-leaving");
        }
        List<String> groups = java.util.Arrays.stream(ids.split(",")).map(String::strip).filter(x -> !x.isEmpty()).distinct().toList();
        if (groups.size() > 20) {
            throw new BadRequestException("at most 20 questions in a matrix (got: " + groups.size() + ")");
        }
        Json.write(ctx, index.archive().matrix(groups, request(ctx, Set.of("questions")), 200));
    }

    private CompareResult compareResult(Context ctx, boolean all) throws Exception {
        String id = ctx.queryParam("question");
        String text = ctx.queryParam("text");
        if ((id == null || id.isBlank()) == (text == null || text.isBlank())) {
            throw new BadRequestException("give either question=ID (a question group id) or text=... (a question in your own words)");
        }
        SearchRequest req = request(ctx, Set.of("question", "text"));
        if (ctx.queryParam("size") == null) {
            req = req.withSize(COMPARE_PAGE);
        }
        Archive s = index.archive();
        if (id == null || id.isBlank()) {
            CompareResult r = all ? s.compareTextAll(text, req) : s.compareText(text, req);
            if (r == null) {
                throw new NotFoundException("there are no question groups in the archive yet");
            }
            return r;
        }
        CompareResult r = all ? s.compareAll(id, req) : s.compare(id, req);
        if (r == null) {
            throw new NotFoundException("no question group with id '" + id + "'");
        }
        return r;
    }

    /** A search request from the query string; {@code extra} names the other parameters the endpoint takes. */
    private SearchRequest request(Context ctx, Set<String> extra) throws Exception {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
            String name = e.getKey();
            if (name.isEmpty()) {
                continue; // "?&x=1": an empty parameter name carries nothing
            }
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
            } else if (!SEARCH_PARAMS.contains(name) && !extra.contains(name)) {
                List<String> known = new java.util.ArrayList<>(List.of("q", "page", "size", "sort", "in", "from", "to", "mode"));
                known.addAll(new java.util.TreeSet<>(extra));
                throw new BadRequestException("unknown parameter '" + name + "'; use " + String.join(", ", known)
                        + " or a facet (" + String.join(", ", Schema.FACETS) + ")");
            }
        }
        return new SearchRequest(ctx.queryParam("q"), intParam(ctx, "page", 1), intParam(ctx, "size", 10),
                sort(ctx.queryParam("sort")), scope(ctx.queryParam("in")), filters,
                dateParam(ctx, "from"), dateParam(ctx, "to"), 3, SearchRequest.Mode.named(ctx.queryParam("mode")));
    }

    void interview(Context ctx) throws Exception {
        String id = ctx.pathParam("id");
        InterviewDetail d = index.archive().interview(id);
        if (d == null) {
            throw new NotFoundException("no interview with id '" + id + "'");
        }
        // The source path is a detail of the server's disk, not something to hand to browsers.
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("interview", d.interview());
        body.put("pairs", d.pairs());
        body.put("skills", d.skills());
        body.put("questionGroups", index.archive().groupLabels(d));
        body.put("recording", recordings.link(d.interview().recording(), id, access.usersRequired()));
        Json.write(ctx, body);
    }

    void suggest(Context ctx) throws Exception {
        String prefix = ctx.queryParam("prefix");
        if (prefix == null) {
            throw new BadRequestException("prefix is required, e.g. /api/suggest?prefix=kub");
        }
        Json.write(ctx, Map.of("prefix", prefix, "suggestions", index.archive().suggest(prefix, SUGGESTIONS)));
    }

    void health(Context ctx) throws Exception {
        Archive s;
        try {
            s = index.archive();
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
        body.put("semantic", s.answerModel() != null);
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
