package org.verbatim.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.verbatim.enrich.QuestionGroups;
import org.verbatim.enrich.QuestionMatcher;

/** Writes a question group to a stored JSON field and reads it back. */
public final class GroupCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GroupCodec() {
    }

    static String encode(QuestionGroups.Group g) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", g.id());
        ArrayNode ex = root.putArray("exemplars");
        for (QuestionMatcher.Prepared p : g.exemplars()) {
            ObjectNode e = ex.addObject();
            e.put("core", p.core());
            e.put("wording", p.wording());
            if (p.topic() != null) {
                e.put("topic", p.topic());
            }
            ArrayNode terms = e.putArray("terms");
            p.terms().forEach(terms::add);
        }
        ObjectNode w = root.putObject("wordings");
        g.wordings().forEach(w::put);
        return root.toString();
    }

    /** Restores the group stored in {@code json} into {@code groups}. */
    public static void restore(String json, QuestionGroups groups) throws IOException {
        JsonNode root = JSON.readTree(json);
        List<QuestionMatcher.Prepared> exemplars = new ArrayList<>();
        for (JsonNode e : root.path("exemplars")) {
            List<String> v = new ArrayList<>();
            e.path("terms").forEach(t -> v.add(t.asText()));
            exemplars.add(new QuestionMatcher.Prepared(e.path("core").asText(), e.path("wording").asText(),
                    e.hasNonNull("topic") ? e.get("topic").asText() : null, v));
        }
        Map<String, Integer> wordings = new LinkedHashMap<>();
        root.path("wordings").fields().forEachRemaining(x -> wordings.put(x.getKey(), x.getValue().asInt()));
        groups.restore(root.path("id").asText(), exemplars, wordings);
    }
}
