package org.verbatim.enrich;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups of questions that ask the same thing, across all interviews. Each question joins the group
 * whose closest exemplar it matches best (see {@link QuestionMatcher}), or starts a new group. A group's
 * id comes from the wording that started it, so it is stable: groups are kept as interviews are added,
 * and assigning the same questions in the same order always gives the same groups. Its label is its
 * most often asked wording. Not thread-safe: assign from one thread, in a deterministic order.
 */
public final class QuestionGroups {

    /** Exemplars kept per group: the first wordings that joined it, each different enough from the others. */
    static final int MAX_EXEMPLARS = 12;
    private static final int MAX_WORDINGS = 50;


    /** A group: its id, its exemplars and how often each wording was asked. */
    public static final class Group {
        private final String id;
        private final long order;
        private final List<QuestionMatcher.Prepared> exemplars = new ArrayList<>();

        private final Map<String, Integer> wordings = new LinkedHashMap<>();

        Group(String id, long order) {
            this.id = id;
            this.order = order;
        }

        public String id() {
            return id;
        }

        /** When the group was created relative to the others. */
        public long order() {
            return order;
        }

        public List<QuestionMatcher.Prepared> exemplars() {
            return exemplars;
        }

        public Map<String, Integer> wordings() {
            return wordings;
        }

        /** The most often asked wording, the shortest of equals; stable for equal counts. */
        public String label() {
            String best = null;
            int bestCount = -1;
            for (Map.Entry<String, Integer> e : wordings.entrySet()) {
                if (e.getValue() > bestCount || e.getValue() == bestCount && e.getKey().length() < best.length()) {
                    best = e.getKey();
                    bestCount = e.getValue();
                }
            }
            return best == null ? "" : best;
        }

        void addExemplar(QuestionMatcher.Prepared p) {
            exemplars.add(p);
        }

        void count(String wording, int n) {
            if (wordings.containsKey(wording) || wordings.size() < MAX_WORDINGS) {
                wordings.merge(wording, n, Integer::sum);
            }
        }
    }

    private final QuestionMatcher matcher;
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<String, Group> byCore = new HashMap<>();
    /** Groups by the content words of their exemplars: only groups sharing a word can match. */
    private final Map<String, java.util.Set<Group>> byTerm = new HashMap<>();
    private final java.util.Set<String> changed = new java.util.LinkedHashSet<>();

    public QuestionGroups(QuestionMatcher matcher) {
        this.matcher = matcher;
    }

    public QuestionMatcher matcher() {
        return matcher;
    }

    /** Restores a group read back from the index. */
    public void restore(String id, List<QuestionMatcher.Prepared> exemplars, Map<String, Integer> wordings) {
        Group g = new Group(id, groups.size());
        for (QuestionMatcher.Prepared p : exemplars) {
            g.addExemplar(p);
            indexTerms(g, p);
        }
        wordings.forEach(g::count);
        groups.put(id, g);
        for (QuestionMatcher.Prepared p : exemplars) {
            byCore.putIfAbsent(p.core(), g);
        }
    }

    /**
     * A group recomputed from the questions that still belong to it (after interviews were deleted): its
     * exemplars and wordings come only from those questions, so nothing of a deleted interview remains.
     */
    public static Group rebuilt(String id, long order, List<QuestionMatcher.Prepared> questions) {
        Group g = new Group(id, order);
        java.util.Set<String> cores = new java.util.HashSet<>();
        for (QuestionMatcher.Prepared q : questions) {
            if (g.exemplars.size() < MAX_EXEMPLARS && cores.add(q.core())) {
                g.addExemplar(q);
            }
            g.count(q.wording(), 1);
        }
        return g;
    }

    /** The group this question belongs to, creating one when none matches; {@code null} for an empty question. */
    public String assign(QuestionMatcher.Prepared q) {
        if (q.core().isEmpty()) {
            return null;
        }
        Group g = byCore.get(q.core());
        if (g == null && q.topic() != null) {
            // A catalogue question: its group is the topic's, named after the topic so that it is the
            // same in every archive.
            g = groups.get("t-" + q.topic());
            if (g == null) {
                g = new Group("t-" + q.topic(), groups.size());
                groups.put(g.id, g);
            }
            if (g.exemplars.size() < MAX_EXEMPLARS) {
                g.addExemplar(q);
                indexTerms(g, q);
            }
            byCore.put(q.core(), g);
        }
        if (g == null) {
            g = closest(q);
            if (g == null) {
                g = new Group(newId(q.core()), groups.size());
                groups.put(g.id, g);
                g.addExemplar(q);
                indexTerms(g, q);
            } else if (g.exemplars.size() < MAX_EXEMPLARS) {
                g.addExemplar(q);
                indexTerms(g, q);
            }
            byCore.put(q.core(), g);
        }
        g.count(q.wording(), 1);
        changed.add(g.id);
        return g.id;
    }

    /** The group whose best exemplar matches, or {@code null} when none reaches the threshold. */
    public Group closest(QuestionMatcher.Prepared q) {
        Group best = null;
        double bestSim = matcher.threshold();
        for (Group g : candidates(q)) {
            for (QuestionMatcher.Prepared e : g.exemplars) {
                double sim = matcher.similarity(q, e);
                if (sim >= bestSim && (best == null || sim > bestSim)) {
                    best = g;
                    bestSim = sim;
                }
            }
        }
        return best;
    }

    /** The group most like a free-text question even below the threshold, or {@code null} when there are none. */
    public Group nearest(QuestionMatcher.Prepared q) {
        if (q.topic() != null && groups.containsKey("t-" + q.topic())) {
            return groups.get("t-" + q.topic());
        }
        Group best = null;
        double bestSim = Double.NEGATIVE_INFINITY;
        for (Group g : candidates(q)) {
            for (QuestionMatcher.Prepared e : g.exemplars) {
                double sim = matcher.similarity(q, e);
                if (sim > bestSim) {
                    best = g;
                    bestSim = sim;
                }
            }
        }
        return best;
    }

    /** Groups sharing at least one content word with the question, in creation order. */
    private List<Group> candidates(QuestionMatcher.Prepared q) {
        java.util.Set<Group> found = new java.util.HashSet<>();
        for (String t : q.terms()) {
            java.util.Set<Group> gs = byTerm.get(t);
            if (gs != null) {
                found.addAll(gs);
            }
        }
        List<Group> out = new ArrayList<>(found);
        out.sort((a, b) -> Long.compare(a.order, b.order));
        return out;
    }

    private void indexTerms(Group g, QuestionMatcher.Prepared p) {
        for (String t : p.terms()) {
            byTerm.computeIfAbsent(t, k -> new java.util.HashSet<>()).add(g);
        }
    }

    public Group get(String id) {
        return groups.get(id);
    }

    public Collection<Group> all() {
        return groups.values();
    }

    /** Groups changed since the last call, to be written back. */
    public List<Group> drainChanged() {
        List<Group> out = new ArrayList<>();
        for (String id : changed) {
            out.add(groups.get(id));
        }
        changed.clear();
        return out;
    }

    private String newId(String core) {
        String base = "q-" + hash(core);
        String id = base;
        for (int i = 2; groups.containsKey(id); i++) {
            id = base + "-" + i;
        }
        return id;
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
