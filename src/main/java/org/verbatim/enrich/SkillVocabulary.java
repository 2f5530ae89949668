package org.verbatim.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The skills Verbatim knows: the built-in vocabulary shipped as {@code skills/skills.json}, with a
 * user's file merged over it (same name: the user's entry replaces the built-in one). Immutable and
 * thread-safe.
 */
public final class SkillVocabulary {

    public static final String BUILT_IN = "skills/skills.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Skill> byName;
    private final Map<String, Skill> byForm;

    private SkillVocabulary(Collection<Skill> skills) {
        Map<String, Skill> names = new LinkedHashMap<>();
        for (Skill s : skills) {
            names.put(s.name().toLowerCase(Locale.ROOT), s);
        }
        Map<String, Skill> forms = new LinkedHashMap<>();
        for (Skill s : names.values()) {
            for (String f : s.forms()) {
                forms.putIfAbsent(f.toLowerCase(Locale.ROOT), s);
            }
        }
        // In the file's order: the extractor's choices between forms must not change from run to run.
        this.byName = java.util.Collections.unmodifiableMap(names);
        this.byForm = forms;
    }

    /** The built-in vocabulary, with {@code userFile} merged over it when it is not {@code null}. */
    public static SkillVocabulary load(Path userFile) throws IOException {
        List<Skill> skills = new ArrayList<>();
        try (InputStream in = SkillVocabulary.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IOException("the built-in skill vocabulary " + BUILT_IN + " is missing from the jar");
            }
            skills.addAll(parse(JSON.readTree(in), BUILT_IN));
        }
        if (userFile != null) {
            if (!Files.isRegularFile(userFile)) {
                throw new IOException("skills file " + userFile + " does not exist");
            }
            Map<String, Skill> merged = new LinkedHashMap<>();
            for (Skill s : skills) {
                merged.put(s.name().toLowerCase(Locale.ROOT), s);
            }
            for (Skill s : parse(JSON.readTree(userFile.toFile()), userFile.toString())) {
                merged.put(s.name().toLowerCase(Locale.ROOT), s);
            }
            skills = new ArrayList<>(merged.values());
        }
        return new SkillVocabulary(skills);
    }

    /** A vocabulary of exactly these skills (for tests and tools). */
    public static SkillVocabulary of(Collection<Skill> skills) {
        return new SkillVocabulary(skills);
    }

    private static List<Skill> parse(JsonNode root, String source) throws IOException {
        JsonNode list = root.isArray() ? root : root.path("skills");
        if (!list.isArray()) {
            throw new IOException("skills file " + source + " must hold {\"skills\": [{\"name\", \"category\", \"aliases\"}...]}");
        }
        List<Skill> out = new ArrayList<>();
        int i = 0;
        for (JsonNode n : list) {
            String name = n.path("name").asText("").strip();
            if (name.isEmpty()) {
                throw new IOException("skills file " + source + ": skill #" + (i + 1) + " has no \"name\"");
            }
            out.add(new Skill(name, n.path("category").asText(null), strings(n.get("aliases")),
                    strings(n.get("ambiguous")), strings(n.get("context"))));
            i++;
        }
        return out;
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(x -> {
                if (!x.asText("").isBlank()) {
                    out.add(x.asText().strip());
                }
            });
        }
        return out;
    }

    public Collection<Skill> skills() {
        return byName.values();
    }

    public int size() {
        return byName.size();
    }

    /** The skill with this canonical name or alias (case-insensitive). */
    public Optional<Skill> find(String nameOrAlias) {
        if (nameOrAlias == null) {
            return Optional.empty();
        }
        String k = nameOrAlias.strip().toLowerCase(Locale.ROOT);
        Skill s = byName.get(k);
        return Optional.ofNullable(s != null ? s : byForm.get(k));
    }
}
