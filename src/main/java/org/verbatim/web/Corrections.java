package org.verbatim.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.verbatim.enrich.QuestionGrouping;
import org.verbatim.index.Curation;
import org.verbatim.search.LiveIndex;

/**
 * The endpoints that correct question groups (merge, split, rename) and list the corrections; see
 * {@link Curation}. Admins only where the archive has users.
 */
final class Corrections {

    private static final Logger LOG = LoggerFactory.getLogger(Corrections.class);

    private final Access access;
    private final LiveIndex live;
    private final Curation curation;

    Corrections(Access access, LiveIndex live) {
        this.access = access;
        this.live = live;
        QuestionGrouping grouping = live.grouping() != null ? live.grouping() : QuestionGrouping.standard();
        this.curation = new Curation(live.dir(), grouping);
    }

    void list(Context ctx) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mayCorrect", access.mayCurate(ctx));
        body.put("corrections", curation.corrections().describe());
        Json.write(ctx, body);
    }

    void merge(Context ctx) throws Exception {
        JsonNode n = body(ctx, "{\"from\": \"q-3c0842ee5e\", \"into\": \"t-why-leaving\"}");
        apply(ctx, () -> curation.merge(text(n, "from"), text(n, "into")));
    }

    void split(Context ctx) throws Exception {
        JsonNode n = body(ctx, "{\"interview\": \"2024-01-17-frontend-lena-hoffmann\", \"pair\": 3}");
        if (!n.path("pair").canConvertToInt()) {
            throw new BadRequestException("pair must be a pair number, e.g. {\"interview\": \"ID\", \"pair\": 3}");
        }
        apply(ctx, () -> curation.split(text(n, "interview"), n.get("pair").asInt()));
    }

    void rename(Context ctx) throws Exception {
        JsonNode n = body(ctx, "{\"group\": \"q-3c0842ee5e\", \"label\": \"Which tools do you use?\"}");
        apply(ctx, () -> curation.rename(text(n, "group"), text(n, "label")));
    }

    private interface Action {
        Curation.Result run() throws Exception;
    }

    private void apply(Context ctx, Action action) throws Exception {
        String actor = access.requireCurator(ctx);
        Curation.Result r;
        try {
            r = action.run();
        } catch (Curation.RefusedException e) {
            throw new BadRequestException(e.getMessage());
        }
        LOG.info("{} {}", actor, r.correction());
        live.refresh();
        Json.write(ctx, r);
    }

    private static JsonNode body(Context ctx, String example) {
        try {
            JsonNode n = Json.MAPPER.readTree(ctx.body());
            if (n == null || !n.isObject()) {
                throw new BadRequestException("the body must be a JSON object like " + example);
            }
            return n;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new BadRequestException("the body must be JSON like " + example + ": " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new BadRequestException("'" + field + "' is required (a string)");
        }
        return v.asText();
    }
}
