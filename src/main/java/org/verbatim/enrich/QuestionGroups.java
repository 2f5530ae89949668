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
        /** The catalogue topic's title for a topic's group, else {@code null}. */
        private String catalogueLabel;

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

        /**
         * A neutral wording of the group: the catalogue topic's title for a topic; otherwise the exemplar
         * closest to the group's centre that names no one (names replaced when every exemplar names
         * someone); without vectors, the most often asked wording.
         */
        public String label() {
            if (catalogueLabel != null) {
                return catalogueLabel;
            }
            String central = central();
            return central != null ? central : mostAsked();
        }

        private String central() {
            float[] centre = null;
            for (QuestionMatcher.Prepared e : exemplars) {
                if (e.vector() == null) {
                    return null;
                }
                if (centre == null) {
                    centre = new float[e.vector().length];
                }
                for (int i = 0; i < centre.length; i++) {
                    centre[i] += e.vector()[i];
                }
            }
            if (centre == null) {
                return null;
            }
            String best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (QuestionMatcher.Prepared e : exemplars) {
                String neutral = QuestionText.withoutNames(e.wording());
                // A wording that names a company or a person is a label only when every one does.
                double score = QuestionEmbedder.cosine(e.vector(), centre) - (neutral.equals(QuestionText.withoutVocative(e.wording())) ? 0 : 1000);
                if (score > bestScore) {
                    bestScore = score;
                    best = neutral;
                }
            }
            return best;
        }

        private String mostAsked() {
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

    private final double sure;
    private final double floor;
    private final double margin;

    public QuestionGroups(QuestionMatcher matcher) {
        this(matcher, SURE, FLOOR, MARGIN);
    }

    /** With other limits than the defaults, to measure how they change grouping. */
    QuestionGroups(QuestionMatcher matcher, double sure, double floor, double margin) {
        this.matcher = matcher;
        this.sure = sure;
        this.floor = floor;
        this.margin = margin;
    }

    public QuestionMatcher matcher() {
        return matcher;
    }

    /** Restores a group read back from the index. */
    public void restore(String id, List<QuestionMatcher.Prepared> exemplars, Map<String, Integer> wordings) {
        Group g = new Group(id, groups.size());
        g.catalogueLabel = id.startsWith("t-") ? catalogueLabel(id.substring(2)) : null;
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
    public static Group rebuilt(String id, long order, List<QuestionMatcher.Prepared> questions, QuestionMatcher matcher) {
        Group g = new Group(id, order);
        g.catalogueLabel = id.startsWith("t-") ? new QuestionGroups(matcher).catalogueLabel(id.substring(2)) : null;
        java.util.Set<String> cores = new java.util.HashSet<>();
        for (QuestionMatcher.Prepared q : questions) {
            if (g.exemplars.size() < MAX_EXEMPLARS && cores.add(q.core())) {
                g.addExemplar(q);
            }
            g.count(q.wording(), 1);
        }
        return g;
    }

    /** The group this question belongs to, creating one when none matches; {@code null} for a question that forms no group. */
    public String assign(QuestionMatcher.Prepared q) {
        if (!q.groupable()) {
            return null;
        }
        Group g = byCore.get(q.core());
        if (g == null && q.topic() != null) {
            g = topicGroup(q.topic());
        }
        if (g == null) {
            Choice c = choose(q);
            if (c.group() != null) {
                g = c.group();
            } else if (c.topic() != null) {
                g = topicGroup(c.topic());
            } else {
                g = new Group(newId(q.core()), groups.size());
                groups.put(g.id, g);
            }
        }
        return join(g, q, !byCore.containsKey(q.core()));
    }

    /** Adds the question to the group (as an exemplar when {@code exemplar} and there is room) and counts its wording. */
    private String join(Group g, QuestionMatcher.Prepared q, boolean exemplar) {
        if (exemplar && g.exemplars.size() < MAX_EXEMPLARS) {
            g.addExemplar(q);
            indexTerms(g, q);
        }
        byCore.put(q.core(), byCore.getOrDefault(q.core(), g));
        g.count(q.wording(), 1);
        changed.add(g.id);
        return g.id;
    }

    /**
     * A wording people took out of its group ({@link QuestionCorrections}): it forms a group of its own,
     * whose id depends on the wording only, so that a rebuild gives the same id.
     */
    public String assignOwn(QuestionMatcher.Prepared q) {
        if (!q.groupable()) {
            return null;
        }
        String id = ownId(q.core());
        Group g = groups.get(id);
        if (g == null) {
            g = new Group(id, groups.size());
            groups.put(id, g);
        }
        // This wording's group from now on, whichever group it was in before.
        boolean exemplar = g.exemplars.stream().noneMatch(e -> e.core().equals(q.core()));
        byCore.put(q.core(), g);
        return join(g, q, exemplar);
    }

    /** The id of the group a wording taken out of its group forms. */
    public static String ownId(String core) {
        return "s-" + hash(core);
    }

    /** A catalogue question: its group is the topic's, named after the topic so that it is the same in every archive. */
    private Group topicGroup(String topic) {
        Group g = groups.get("t-" + topic);
        if (g == null) {
            g = new Group("t-" + topic, groups.size());
            g.catalogueLabel = catalogueLabel(topic);
            groups.put(g.id, g);
        }
        return g;
    }

    private String catalogueLabel(String topic) {
        for (QuestionTopics.Topic t : matcher.topics().topics()) {
            if (t.id().equals(topic)) {
                return t.label();
            }
        }
        return null;
    }

    /**
     * Similarity above which a question joins its closest group whatever the others score: near
     * duplicates, and questions with most of their content words in common.
     */
    static final double SURE = 0.75;
    /** Below this a question never joins a group: nothing asked so far is like it. */
    public static final double FLOOR = 0.5;
    /**
     * Cosine of two questions' vectors from which compare by text returns one for the other whatever
     * their groups: the groups are decided once, at indexing, and this catches what they split.
     */
    public static final double RELATED = 0.65;
    /**
     * Similarity from which compare by text gives the closest group's answers: below it the text is no
     * more like that group than like anything else asked, and only {@link #RELATED} questions are returned.
     */
    public static final double ANSWERS_FROM = 0.4;
    /** Between the two, the closest group must be ahead of the next one by this much. */
    static final double MARGIN = 0.1;

    /** Where a question goes: an existing group, a catalogue topic not asked yet, or neither. */
    record Choice(Group group, String topic, double score, double runnerUp) {
    }

    /**
     * The group a question joins by its neighbours: the closest group (by its closest exemplar, the
     * catalogue's titles counting as exemplars of their topics) when it is clearly alike
     * ({@link #SURE}), or alike enough ({@link #FLOOR}) and clearly ahead of the next group
     * ({@link #MARGIN}). Without an embedding model only word overlap counts, at the matcher's threshold.
     */
    Choice choose(QuestionMatcher.Prepared q) {
        Map<String, Double> score = scores(q);
        String best = null;
        double s1 = Double.NEGATIVE_INFINITY;
        double s2 = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, Double> e : score.entrySet()) {
            double s = e.getValue();
            if (s > s1) {
                s2 = s1;
                s1 = s;
                best = e.getKey();
            } else if (s > s2) {
                s2 = s;
            }
        }
        boolean joins = q.vector() == null ? s1 >= matcher.threshold()
                : s1 >= sure || s1 >= floor && s1 - s2 >= margin;
        if (best == null || !joins) {
            return new Choice(null, null, s1, s2);
        }
        Group g = groups.get(best);
        return g != null ? new Choice(g, null, s1, s2) : new Choice(null, best.substring(2), s1, s2);
    }

    /** The best similarity of the question to each group (and to each catalogue topic not yet a group), by group id. */
    private Map<String, Double> scores(QuestionMatcher.Prepared q) {
        Map<String, Double> score = new LinkedHashMap<>();
        for (Group g : candidates(q)) {
            for (QuestionMatcher.Prepared e : g.exemplars) {
                double sim = matcher.similarity(q, e);
                score.merge(g.id, sim, Math::max);
            }
        }
        if (q.vector() != null) {
            for (QuestionMatcher.Prepared p : prototypes()) {
                double sim = matcher.similarity(q, p);
                score.merge("t-" + p.topic(), sim, Math::max);
            }
        }
        return score;
    }

    private List<QuestionMatcher.Prepared> prototypes() {
        return matcher.prototypes();
    }

    /** The group of an existing question's core, or {@code null}. */
    public Group groupOfCore(String core) {
        return byCore.get(core);
    }

    /**
     * The groups closest to a free-text question, best first, with their similarity: the catalogue
     * topic it names first, then by closest exemplar. Empty when there are no groups.
     */
    public List<Map.Entry<Group, Double>> ranked(QuestionMatcher.Prepared q, int limit) {
        Map<String, Double> score = new LinkedHashMap<>();
        for (Group g : groups.values()) {
            for (QuestionMatcher.Prepared e : g.exemplars) {
                score.merge(g.id, matcher.similarity(q, e), Math::max);
            }
        }
        if (q.topic() != null && groups.containsKey("t-" + q.topic())) {
            score.put("t-" + q.topic(), 1.0);
        }
        if (q.vector() != null) {
            for (QuestionMatcher.Prepared p : prototypes()) {
                if (groups.containsKey("t-" + p.topic())) {
                    score.merge("t-" + p.topic(), matcher.similarity(q, p), Math::max);
                }
            }
        }
        List<Map.Entry<Group, Double>> out = new ArrayList<>();
        score.forEach((id, s) -> out.add(Map.entry(groups.get(id), s)));
        out.sort((a, b) -> a.getValue().equals(b.getValue()) ? Long.compare(a.getKey().order, b.getKey().order)
                : Double.compare(b.getValue(), a.getValue()));
        return out.size() > limit ? new ArrayList<>(out.subList(0, limit)) : out;
    }

    /** The group most like a free-text question even below the threshold, or {@code null} when there are none. */
    public Group nearest(QuestionMatcher.Prepared q) {
        List<Map.Entry<Group, Double>> r = ranked(q, 1);
        return r.isEmpty() ? null : r.get(0).getKey();
    }

    /** Groups that may match: with a vector every group; without, those sharing a content word. In creation order. */
    private java.util.Collection<Group> candidates(QuestionMatcher.Prepared q) {
        if (q.vector() != null) {
            return groups.values();
        }
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
