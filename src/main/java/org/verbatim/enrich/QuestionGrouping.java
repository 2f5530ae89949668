package org.verbatim.enrich;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.verbatim.segment.Interview;
import org.verbatim.segment.Pair;

/**
 * Question grouping as the indexer uses it: {@link #prepare} is the costly, parallel part (cleaning and
 * embedding each distinct question of an interview); {@link #assign} is the sequential part that puts
 * prepared questions into {@link QuestionGroups} in a deterministic order.
 */
public final class QuestionGrouping {

    private final QuestionMatcher matcher;
    /** Interviewers reuse their wordings: a question text seen before is not cleaned and matched again. */
    private final java.util.concurrent.ConcurrentHashMap<String, QuestionMatcher.Prepared> prepared = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int CACHE_SIZE = 200_000;

    public QuestionGrouping(QuestionMatcher matcher) {
        this.matcher = matcher;
    }

    private QuestionMatcher.Prepared prepareCached(String question) {
        QuestionMatcher.Prepared p = prepared.get(question);
        if (p == null) {
            p = matcher.prepare(question);
            if (prepared.size() >= CACHE_SIZE) {
                prepared.clear();
            }
            prepared.put(question, p);
        }
        return p;
    }

    /** The default: built-in lexicon and topics, the default threshold, the process's embedding model. */
    public static QuestionGrouping standard() {
        return new QuestionGrouping(new QuestionMatcher(new QuestionText(QuestionLexicon.builtIn()), QuestionTopics.builtIn(),
                QuestionMatcher.DEFAULT_THRESHOLD, QuestionEmbedder.shared()));
    }

    public QuestionMatcher matcher() {
        return matcher;
    }

    public QuestionGroups newGroups() {
        return new QuestionGroups(matcher);
    }

    /** Prepared questions of an interview, by question text (pairs of a panel share one). Thread-safe. */
    public Map<String, QuestionMatcher.Prepared> prepare(Interview interview) {
        Map<String, QuestionMatcher.Prepared> out = new HashMap<>();
        for (Pair p : interview.pairs()) {
            if (!p.question().isBlank() && !out.containsKey(p.question())) {
                out.put(p.question(), prepareCached(p.question()));
            }
        }
        return out;
    }

    /** The interview with each pair's question group set. Call in a deterministic order. */
    public Interview assign(Interview interview, Map<String, QuestionMatcher.Prepared> prepared, QuestionGroups groups) {
        return assign(interview, prepared, groups, QuestionCorrections.none());
    }

    /**
     * The interview with each pair's question group set, as people corrected the grouping: a wording
     * taken out of its group goes to a group of its own, and a merged group's questions go to the group it
     * was merged into. Call in a deterministic order.
     */
    public Interview assign(Interview interview, Map<String, QuestionMatcher.Prepared> prepared, QuestionGroups groups,
                            QuestionCorrections corrections) {
        List<Pair> out = new ArrayList<>(interview.pairs().size());
        Map<String, String> byQuestion = new HashMap<>();
        for (Pair p : interview.pairs()) {
            String group = null;
            QuestionMatcher.Prepared q = prepared.get(p.question());
            if (q != null) {
                group = byQuestion.computeIfAbsent(p.question(), k -> corrections.resolve(
                        corrections.isSplit(q.core()) ? groups.assignOwn(q) : groups.assign(q)));
            }
            out.add(p.withQuestionGroup(group));
        }
        return interview.withPairs(out);
    }
}
