package org.verbatim.enrich;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What people corrected in the machine's question groups, applied the same way at every indexing and
 * every full rebuild: groups merged into others, question wordings taken out of their group (each
 * then forms a group of its own), and labels renamed. Kept as a small JSON file in the index folder,
 * beside the index generations, so that it outlives them. Immutable; the {@code with...} methods return
 * a changed copy.
 *
 * @param merges  group id → the group it was merged into
 * @param splits  the cores of wordings taken out of their group, each with the interview it was taken from
 * @param labels  group id → the label people gave it
 */
public record QuestionCorrections(Map<String, String> merges, Map<String, Split> splits, Map<String, String> labels) {

    /** The file's name in the index folder. */
    public static final String FILE = "question-corrections.json";

    /** A wording taken out of its group: where it was taken from (so that deleting that interview removes it), and when. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Split(String interview, String from, String at) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public QuestionCorrections {
        merges = Map.copyOf(merges == null ? Map.of() : merges);
        splits = Map.copyOf(splits == null ? Map.of() : splits);
        labels = Map.copyOf(labels == null ? Map.of() : labels);
    }

    public static QuestionCorrections none() {
        return new QuestionCorrections(Map.of(), Map.of(), Map.of());
    }

    /** The corrections kept in this index folder; none when there is no file yet. */
    public static QuestionCorrections read(Path indexRoot) throws IOException {
        Path file = indexRoot.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return none();
        }
        try {
            QuestionCorrections c = JSON.readValue(file.toFile(), QuestionCorrections.class);
            return c == null ? none() : c;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException("the question corrections in " + file + " are not valid JSON (" + e.getOriginalMessage()
                    + "); fix or remove the file, or restore it from a backup", e);
        }
    }

    /** Writes the file whole, replacing the old one at once, so that a crash leaves one or the other. */
    public void write(Path indexRoot) throws IOException {
        Files.createDirectories(indexRoot);
        Path tmp = indexRoot.resolve(FILE + ".tmp");
        JSON.writeValue(tmp.toFile(), this);
        Files.move(tmp, indexRoot.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The group a machine-made group id stands for after merges (itself when it was not merged). */
    public String resolve(String groupId) {
        if (groupId == null) {
            return null;
        }
        String g = groupId;
        Set<String> seen = new HashSet<>();
        while (merges.containsKey(g) && seen.add(g)) {
            g = merges.get(g);
        }
        return g;
    }

    public boolean isSplit(String core) {
        return splits.containsKey(core);
    }

    /** The label people gave a group, or {@code null}. */
    public String label(String groupId) {
        return labels.get(groupId);
    }

    /** The groups merged into this one, directly or through others. */
    public Set<String> mergedInto(String groupId) {
        Set<String> out = new HashSet<>();
        for (String from : merges.keySet()) {
            if (!from.equals(groupId) && resolve(from).equals(groupId)) {
                out.add(from);
            }
        }
        return out;
    }

    /**
     * With {@code from} merged into {@code into}. Throws {@link IllegalArgumentException} when that would
     * merge a group into itself.
     */
    public QuestionCorrections withMerge(String from, String into) {
        if (resolve(into).equals(from) || from.equals(into)) {
            throw new IllegalArgumentException("cannot merge question group '" + from + "' into itself");
        }
        Map<String, String> m = new LinkedHashMap<>(merges);
        m.put(from, resolve(into));
        Map<String, String> l = new LinkedHashMap<>(labels);
        l.remove(from);
        return new QuestionCorrections(m, splits, l);
    }

    public QuestionCorrections withSplit(String core, Split split) {
        Map<String, Split> s = new LinkedHashMap<>(splits);
        s.put(core, split);
        return new QuestionCorrections(merges, s, labels);
    }

    public QuestionCorrections withLabel(String groupId, String label) {
        Map<String, String> l = new LinkedHashMap<>(labels);
        l.put(groupId, label);
        return new QuestionCorrections(merges, splits, l);
    }

    /** Without the wordings taken from these interviews: what was said in a deleted interview leaves the file too. */
    public QuestionCorrections withoutInterviews(java.util.Collection<String> interviewIds) {
        Map<String, Split> s = new LinkedHashMap<>();
        splits.forEach((core, split) -> {
            if (!interviewIds.contains(split.interview())) {
                s.put(core, split);
            }
        });
        return new QuestionCorrections(merges, s, labels);
    }

    /** Every correction as lines a person reads: for {@code verbatim questions corrections}. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        merges.forEach((from, into) -> out.add("merged " + from + " into " + into));
        splits.forEach((core, s) -> out.add("took \"" + core + "\" out of " + s.from()));
        labels.forEach((g, l) -> out.add("renamed " + g + " to \"" + l + "\""));
        return out;
    }
}
