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
            if (p.vector() != null) {
                e.put("vector", encodeVector(p.vector()));
            }
        }
        ObjectNode w = root.putObject("wordings");
        g.wordings().forEach(w::put);
        return root.toString();
    }

    /** A vector as base64 of its little-endian floats. */
    public static String encodeVector(float[] v) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(v.length * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return java.util.Base64.getEncoder().encodeToString(b.array());
    }

    public static float[] decodeVector(String base64) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(java.util.Base64.getDecoder().decode(base64)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[b.remaining() / 4];
        b.asFloatBuffer().get(v);
        return v;
    }

    /** Restores the group stored in {@code json} into {@code groups}. */
    public static void restore(String json, QuestionGroups groups) throws IOException {
        JsonNode root = JSON.readTree(json);
        List<QuestionMatcher.Prepared> exemplars = new ArrayList<>();
        for (JsonNode e : root.path("exemplars")) {
            List<String> v = new ArrayList<>();
            e.path("terms").forEach(t -> v.add(t.asText()));
            exemplars.add(new QuestionMatcher.Prepared(e.path("core").asText(), e.path("wording").asText(),
                    e.hasNonNull("topic") ? e.get("topic").asText() : null, v,
                    e.hasNonNull("vector") ? decodeVector(e.get("vector").asText()) : null));
        }
        Map<String, Integer> wordings = new LinkedHashMap<>();
        root.path("wordings").fields().forEachRemaining(x -> wordings.put(x.getKey(), x.getValue().asInt()));
        groups.restore(root.path("id").asText(), exemplars, wordings);
    }
}
