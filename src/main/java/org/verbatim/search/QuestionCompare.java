package org.verbatim.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.join.ToChildBlockJoinQuery;
import org.apache.lucene.util.BitSet;
import org.verbatim.enrich.QuestionEmbedder;
import org.verbatim.enrich.QuestionGrouping;
import org.verbatim.enrich.QuestionGroups;
import org.verbatim.enrich.QuestionMatcher;
import org.verbatim.index.Schema;

/**
 * Comparing answers to one question across candidates: by question group (every answer to it, newest
 * interview first), by free text (the answers whose question is closest in meaning, best first), and as
 * a matrix of candidates by questions. Reads through its {@link Searcher}'s current index generation.
 */
final class QuestionCompare {

    /**
     * Cosine from which an answer's question counts as the same as the text typed, whatever its group.
     * Chosen by a sweep on the blind set (the README says so next to its figures).
     */
    static final double RELATED = QuestionGroups.RELATED;

    /** Nearest questions fetched from the vector index per search, before grouping by interviewee. */
    static final int NEIGHBOURS = 400;

    private final Searcher searcher;
    private final QuestionGrouping grouping;
    private volatile RestoredGroups restored;

    private record RestoredGroups(org.apache.lucene.index.IndexReader reader, QuestionGroups groups) {
    }

    QuestionCompare(Searcher searcher, QuestionGrouping grouping) {
        this.searcher = searcher;
        this.grouping = grouping;
    }

    /** The archive's question groups, restored once per reader generation (looking one up only reads them). */
    private QuestionGroups restoredGroups(Searcher.ReaderState rs) throws IOException {
        RestoredGroups r = restored;
        if (r != null && r.reader() == rs.reader()) {
            return r.groups();
        }
        QuestionGroups groups = grouping.newGroups();
        for (String json : rs.groupJson()) {
            org.verbatim.index.GroupCodec.restore(json, groups);
        }
        restored = new RestoredGroups(rs.reader(), groups);
        return groups;
    }

    private QuestionGrouping grouping() {
        if (grouping == null) {
            throw new IllegalStateException("this searcher was opened without question grouping");
        }
        return grouping;
    }

    /** The question group closest to a free-text question, or {@code null} when there are no groups. */
    QuestionGroupView closestGroup(String text) throws IOException {
        QuestionGrouping grouping = grouping();
        IndexSearcher s = searcher.acquire();
        try {
            Searcher.ReaderState rs = searcher.readerState(s);
            QuestionGroups.Group g = restoredGroups(rs).nearest(grouping.matcher().prepareQuery(text));
            return g == null ? null : new QuestionGroupView(g.id(), rs.groupLabels().getOrDefault(g.id(), g.label()), 0);
        } finally {
            searcher.release(s);
        }
    }

    /**
     * Answers to a question group from {@code offset}, at most {@code limit}: one per interviewee who was
     * asked, newest interview first. The interviews that pass the filters are the candidates;
     * {@code req.query()} only marks words. {@code null} for an unknown group.
     */
    CompareResult byGroup(String groupId, SearchRequest req, int offset, int limit) throws BadQueryException, IOException {
        req = searcher.withCanonicalSkills(req);
        Query highlight = highlight(req);
        IndexSearcher s = searcher.acquire();
        try {
            Searcher.ReaderState rs = searcher.readerState(s);
            String label = rs.groupLabels().get(groupId);
            if (label == null) {
                return null;
            }
            Query pairs = inGroup(groupId, pairsOfMatchingInterviews(req));
            Answerers.Page page = new Answerers(s, searcher.parents()).of(pairs, offset, limit);
            return new CompareResult(new CompareResult.Question(groupId, label), page.total(),
                    answers(s, page.answers(), null, highlight));
        } finally {
            searcher.release(s);
        }
    }

    /**
     * Answers whose question is closest in meaning to {@code text}, best first, one per interviewee:
     * the answers to the closest question group (when it is at least {@link QuestionGroups#ANSWERS_FROM} alike), and answers to any question whose vector is at least
     * {@link #RELATED} alike, each with its closeness: the cosine of the two questions, and for the
     * closest group's answers at least the group's similarity to the text. The closest group
     * is given as the result's question. Without question vectors (no embedding model) this is the closest
     * group's answers, newest first. {@code null} when there are no question groups.
     */
    CompareResult byText(String text, SearchRequest req, int offset, int limit) throws BadQueryException, IOException {
        QuestionMatcher matcher = grouping().matcher();
        QuestionMatcher.Prepared q = matcher.prepareQuery(text);
        req = searcher.withCanonicalSkills(req);
        Query highlight = highlight(req);
        IndexSearcher s = searcher.acquire();
        try {
            Searcher.ReaderState rs = searcher.readerState(s);
            List<Map.Entry<QuestionGroups.Group, Double>> closest = restoredGroups(rs).ranked(q, 1);
            if (closest.isEmpty()) {
                return null;
            }
            QuestionGroups.Group g = closest.get(0).getKey();
            CompareResult.Question question = new CompareResult.Question(g.id(), rs.groupLabels().getOrDefault(g.id(), g.label()));
            Query candidates = pairsOfMatchingInterviews(req);
            if (q.vector() == null || !hasVectors(s)) {
                Answerers.Page page = new Answerers(s, searcher.parents()).of(inGroup(g.id(), candidates), offset, limit);
                return new CompareResult(question, page.total(), answers(s, page.answers(), null, highlight));
            }
            // A group only as close as anything else in the archive is no answer to the text.
            double groupScore = closest.get(0).getValue();
            String group = groupScore >= QuestionGroups.ANSWERS_FROM ? g.id() : null;
            List<Ranked> ranked = ranked(s, q.vector(), group, groupScore, candidates);
            int to = (int) Math.min(ranked.size(), (long) offset + limit);
            List<Ranked> shown = ranked.subList(Math.min(offset, to), to);
            return new CompareResult(question, ranked.size(),
                    answers(s, shown.stream().map(Ranked::answerer).toList(), shown.stream().map(Ranked::closeness).toList(), highlight));
        } finally {
            searcher.release(s);
        }
    }

    /**
     * An answer, how close its question is to the text typed (for the closest group's answers, at least
     * as close as the group), and the cosine of the two questions alone, which orders equally close answers.
     */
    private record Ranked(Answerers.Answerer answerer, double closeness, double cosine) {

        boolean before(Ranked o) {
            if (closeness != o.closeness) {
                return closeness > o.closeness;
            }
            if (cosine != o.cosine) {
                return cosine > o.cosine;
            }
            return answerer.pairDoc() < o.answerer.pairDoc();
        }
    }

    /**
     * The closest group's pairs ({@code groupId}, may be {@code null}) and the pairs whose question is {@link #RELATED}, keeping each interviewee's
     * closest, best first (ties: transcript order).
     */
    private List<Ranked> ranked(IndexSearcher s, float[] vector, String groupId, double groupScore, Query candidates) throws IOException {
        Map<Integer, Double> closeness = new HashMap<>();
        Map<Integer, Double> cosines = new HashMap<>();
        ScoreDoc[] near = s.search(new KnnFloatVectorQuery(Schema.QUESTION_VECTOR, vector, NEIGHBOURS, candidates), NEIGHBOURS).scoreDocs;
        for (ScoreDoc sd : near) {
            double cos = 2.0 * sd.score - 1.0; // DOT_PRODUCT scores (1 + dot) / 2
            if (cos >= RELATED) {
                closeness.put(sd.doc, cos);
                cosines.put(sd.doc, cos);
            }
        }
        if (groupId != null) {
            List<Integer> members = docs(s, inGroup(groupId, candidates));
            double[] cos = cosines(s, members, vector);
            for (int i = 0; i < members.size(); i++) {
                cosines.putIfAbsent(members.get(i), cos[i]);
                closeness.put(members.get(i), Math.max(cos[i], Math.min(1.0, groupScore)));
            }
        }
        // One answer per interviewee: the closest of each (interview, speaker).
        Map<String, Ranked> best = new HashMap<>();
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        for (Map.Entry<Integer, Double> e : closeness.entrySet()) {
            int doc = e.getKey();
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            BitSet parents = searcher.parents().getBitSet(leaf);
            int parent = parents.nextSetBit(doc - leaf.docBase) + leaf.docBase;
            String key = parent + "/" + speakerOrd(leaf, doc - leaf.docBase);
            Ranked r = new Ranked(new Answerers.Answerer(doc, parent), e.getValue(), cosines.get(doc));
            best.merge(key, r, (a, b) -> a.before(b) ? a : b);
        }
        List<Ranked> out = new ArrayList<>(best.values());
        out.sort((a, b) -> a.before(b) ? -1 : b.before(a) ? 1 : 0);
        return out;
    }

    private static int speakerOrd(LeafReaderContext leaf, int doc) throws IOException {
        if (leaf.reader().getFieldInfos().fieldInfo(Schema.SPEAKER_KEY) == null) {
            return -1;
        }
        SortedDocValues speakers = DocValues.getSorted(leaf.reader(), Schema.SPEAKER_KEY);
        return speakers.advanceExact(doc) ? speakers.ordValue() : -1;
    }

    /**
     * The cosine of each pair's question vector with {@code vector} (0 for a pair without one); the docs
     * in index order, so that each segment's vectors are read in one forward pass.
     */
    private static double[] cosines(IndexSearcher s, List<Integer> docs, float[] vector) throws IOException {
        double[] out = new double[docs.size()];
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        LeafReaderContext leaf = null;
        FloatVectorValues values = null;
        for (int i = 0; i < docs.size(); i++) {
            int doc = docs.get(i);
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                values = leaf.reader().getFloatVectorValues(Schema.QUESTION_VECTOR);
            }
            int local = doc - leaf.docBase;
            if (values != null && values.docID() <= local && (values.docID() == local || values.advance(local) == local)) {
                out[i] = QuestionEmbedder.cosine(values.vectorValue(), vector);
            }
        }
        return out;
    }

    private static boolean hasVectors(IndexSearcher s) {
        for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
            if (leaf.reader().getFieldInfos().fieldInfo(Schema.QUESTION_VECTOR) != null) {
                return true;
            }
        }
        return false;
    }

    /** The documents matching a query, in index order. */
    private static List<Integer> docs(IndexSearcher s, Query q) throws IOException {
        Weight w = s.createWeight(s.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f);
        List<Integer> out = new ArrayList<>();
        for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
            Scorer scorer = w.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            DocIdSetIterator it = Answerers.live(scorer.iterator(), leaf.reader().getLiveDocs());
            for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
                out.add(leaf.docBase + d);
            }
        }
        return out;
    }

    /** Pairs of the interviews that pass the request's filters (every pair when there are none). */
    private Query pairsOfMatchingInterviews(SearchRequest req) throws BadQueryException {
        BooleanQuery.Builder pairs = new BooleanQuery.Builder().add(Schema.pairsQuery(), BooleanClause.Occur.FILTER);
        if (!req.filters().isEmpty() || Searcher.dateRange(req) != null) {
            // Only a filter needs the join to the interviews; without one, every interview passes.
            DrillDownQuery parentsMatching = Searcher.drillDown(searcher.parentBase(null, req), req.filters());
            pairs.add(new ToChildBlockJoinQuery(parentsMatching, searcher.parents()), BooleanClause.Occur.FILTER);
        }
        return pairs.build();
    }

    private static Query inGroup(String groupId, Query pairs) {
        return new BooleanQuery.Builder().add(pairs, BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(Schema.QUESTION_GROUP, groupId)), BooleanClause.Occur.FILTER).build();
    }

    private Query highlight(SearchRequest req) throws BadQueryException {
        return req.query().isEmpty() ? null : searcher.parse(req.query(), SearchRequest.Scope.ANSWER);
    }

    /** The cards of these answers, their words marked, with their closeness when given. */
    private List<CompareResult.Answer> answers(IndexSearcher s, List<Answerers.Answerer> page, List<Double> closeness,
                                               Query highlight) throws IOException {
        StoredFields stored = s.getIndexReader().storedFields();
        int[] ids = page.stream().mapToInt(Answerers.Answerer::pairDoc).toArray();
        PageHighlighter highlighter = searcher.wholeAnswerHighlighter(s);
        String[] marked = highlight == null || ids.length == 0 ? null
                : highlighter.highlightFields(new String[] {Schema.ANSWER}, highlight, ids, new int[] {1}).get(Schema.ANSWER);
        Map<Integer, InterviewSummary> summaries = new HashMap<>();
        List<CompareResult.Answer> answers = new ArrayList<>();
        for (int k = 0; k < ids.length; k++) {
            Document d = highlighter.document(ids[k]);
            int parent = page.get(k).parentDoc();
            InterviewSummary summary = summaries.get(parent);
            if (summary == null) {
                summary = Searcher.summary(stored.document(parent));
                summaries.put(parent, summary);
            }
            String answer = d.get(Schema.ANSWER);
            String html = marked != null && marked[k] != null ? Snippets.toHtml(marked[k]) : Snippets.toHtml(answer);
            Double close = closeness == null ? null : Math.round(closeness.get(k) * 1000) / 1000.0;
            answers.add(new CompareResult.Answer(summary, Searcher.intField(d, Schema.PAIR_INDEX), d.get(Schema.QUESTION), answer, html,
                    d.get(Schema.SPEAKER), Searcher.doubleField(d, Schema.START), close));
        }
        return answers;
    }

    /** Candidates as rows, the given question groups as columns, each cell the start of the answer. */
    Matrix matrix(List<String> groupIds, SearchRequest req, int cellLength) throws BadQueryException, IOException {
        List<CompareResult.Question> columns = new ArrayList<>();
        Map<String, Matrix.Cell[]> rows = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int c = 0; c < groupIds.size(); c++) {
            CompareResult r = byGroup(groupIds.get(c), req.withQuery(""), 0, Integer.MAX_VALUE);
            if (r == null) {
                throw new BadQueryException("unknown question group '" + groupIds.get(c) + "'");
            }
            columns.add(r.question());
            for (CompareResult.Answer a : r.answers()) {
                String who = a.speaker() != null ? a.speaker()
                        : a.interview().candidates().isEmpty() ? a.interview().title() : String.join(", ", a.interview().candidates());
                Matrix.Cell[] cells = rows.computeIfAbsent(who, k -> new Matrix.Cell[groupIds.size()]);
                if (cells[c] == null) {
                    cells[c] = new Matrix.Cell(a.interview().id(), a.pair(), Snippets.lead(a.answer(), cellLength));
                }
            }
        }
        List<Matrix.Row> out = new ArrayList<>();
        for (Map.Entry<String, Matrix.Cell[]> e : rows.entrySet()) {
            List<Matrix.Cell> cells = new ArrayList<>();
            for (Matrix.Cell cell : e.getValue()) {
                cells.add(cell == null ? new Matrix.Cell(null, null, null) : cell);
            }
            out.add(new Matrix.Row(e.getKey(), cells));
        }
        return new Matrix(columns, out);
    }
}
