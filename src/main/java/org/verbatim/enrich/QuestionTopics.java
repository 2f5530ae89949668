package org.verbatim.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A catalogue of common interview questions, shipped as data ({@code questions/topics.json}): each topic
 * has regular expressions that recognise its many wordings. A question that matches a topic is grouped
 * with every other question of that topic, whatever the words; the first matching topic wins.
 * Immutable and thread-safe.
 */
public final class QuestionTopics {

    public static final String BUILT_IN = "questions/topics.json";

    /**
     * A topic: its id, a typical wording, what recognises it, and other wordings of it that questions in
     * yet other words are compared with (named prototypes; see {@link QuestionGroups}).
     */
    public record Topic(String id, String label, List<Pattern> patterns, List<Pattern> exclude, List<String> examples) {

        public Topic {
            examples = examples == null ? List.of() : List.copyOf(examples);
        }

        boolean matches(String core) {
            for (Pattern x : exclude) {
                if (x.matcher(core).find()) {
                    return false;
                }
            }
            for (Pattern p : patterns) {
                if (p.matcher(core).find()) {
                    return true;
                }
            }
            return false;
        }
    }

    private final List<Topic> topics;
    /** Topic id by core text, {@link #NONE} for none. */
    private final java.util.concurrent.ConcurrentHashMap<String, String> matched = new java.util.concurrent.ConcurrentHashMap<>();
    private static final String NONE = new String("");
    private static final int CACHE_SIZE = 100_000;

    private QuestionTopics(List<Topic> topics) {
        this.topics = List.copyOf(topics);
    }

    public static QuestionTopics none() {
        return new QuestionTopics(List.of());
    }

    public static QuestionTopics builtIn() {
        try (InputStream in = QuestionTopics.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                return none();
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<Topic> out = new ArrayList<>();
            for (JsonNode t : root.path("topics")) {
                List<String> examples = new ArrayList<>();
                t.path("examples").forEach(e -> examples.add(e.asText()));
                out.add(new Topic(t.path("id").asText(), t.path("label").asText(), compile(t.path("patterns"), t),
                        compile(t.path("exclude"), t), examples));
            }
            return new QuestionTopics(out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + BUILT_IN, e);
        }
    }

    private static List<Pattern> compile(JsonNode list, JsonNode topic) {
        List<Pattern> out = new ArrayList<>();
        for (JsonNode p : list) {
            try {
                out.add(Pattern.compile(p.asText()));
            } catch (PatternSyntaxException e) {
                throw new IllegalStateException("topic " + topic.path("id").asText() + ": bad pattern " + p.asText(), e);
            }
        }
        return out;
    }

    /** The id of the first topic the core text matches, or {@code null}. */
    public String match(String core) {
        if (core == null || core.isEmpty()) {
            return null;
        }
        // Many wordings of a question share one core ("so, um, how do you debug?"), and running every
        // topic's patterns is the costly part of preparing a question.
        String id = matched.get(core);
        if (id == null) {
            id = NONE;
            for (Topic t : topics) {
                if (t.matches(core)) {
                    id = t.id();
                    break;
                }
            }
            if (matched.size() >= CACHE_SIZE) {
                matched.clear();
            }
            matched.put(core, id);
        }
        return id == NONE ? null : id;
    }

    public List<Topic> topics() {
        return topics;
    }
}
