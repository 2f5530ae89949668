package org.verbatim.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.NoOpOffsetStrategy;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Lucene's unified highlighter for one page of results, marking exactly what it marks, with two costs
 * taken out:
 * <ul>
 *   <li>The documents are read once. The highlighter reads each whole stored document and keeps it, so
 *       the caller takes the page's other fields from {@link #document(int)} instead of decompressing
 *       the same block again.</li>
 *   <li>The query becomes a weight once per field and page. With weight matches, Lucene rewrites the
 *       query and builds its weight again for every document it highlights, a cost that grows with the
 *       number of terms (a skill's aliases make dozens). Here the weight is built once over the whole
 *       index and asked for the matches of each document in its own segment. The highlighter is built
 *       without a field matcher, so the per-document view Lucene sets up (which maps matched fields onto
 *       the highlighted one) is the identity and is not needed.</li>
 * </ul>
 * When every document to highlight is known to match the query (a page of search results), each field
 * is also matched against only the parts of the query that name it: Lucene asks every clause for its
 * matches in every field and keeps those of the field at hand, so a query over question and answer did
 * the work twice. A required or prohibited clause on another field cannot change the outcome for a
 * document that matches the whole query, so it is left out too.
 *
 * <p>Build a new one per request: it holds the documents of that request. The merged field infos, the
 * only costly part of building a highlighter, are shared (see {@link #fieldInfos(IndexSearcher)}).
 */
final class PageHighlighter extends UnifiedHighlighter {

    private final Map<Integer, Document> documents = new HashMap<>();
    private final IndexSearcher matching;

    private final boolean docsMatch;

    /** @param docsMatch every document this highlighter is given matches the query it is given */
    PageHighlighter(Builder settings, FieldInfos merged, boolean docsMatch) {
        super(settings);
        this.fieldInfos = merged;
        this.docsMatch = docsMatch;
        this.matching = new IndexSearcher(searcher.getIndexReader());
        this.matching.setQueryCache(null);
    }

    /** The field infos of every segment together, as the highlighter would compute them on first use. */
    static FieldInfos fieldInfos(IndexSearcher searcher) {
        return FieldInfos.getMergedFieldInfos(searcher.getIndexReader());
    }

    /** The stored document, as read for highlighting when it was on the page, read now otherwise. */
    Document document(int docId) throws IOException {
        return document(searcher.storedFields(), docId);
    }

    private Document document(StoredFields stored, int docId) throws IOException {
        Document d = documents.get(docId);
        if (d == null) {
            d = stored.document(docId);
            documents.put(docId, d);
        }
        return d;
    }

    /** Reads every document of the batch whole (kept for {@link #document}) and hands over the fields asked for. */
    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
            throws IOException {
        List<CharSequence[]> values = new ArrayList<>();
        StoredFields stored = searcher.storedFields();
        for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
            Document d = document(stored, doc);
            CharSequence[] byField = new CharSequence[fields.length];
            for (int i = 0; i < fields.length; i++) {
                byField[i] = limited(d.getValues(fields[i]));
            }
            values.add(byField);
        }
        return values;
    }

    /** As Lucene's stored-field visitor for highlighting joins values: separated, cut at the maximum length. */
    private CharSequence limited(String[] values) {
        if (values.length == 0) {
            return null;
        }
        int max = getMaxLength();
        if (values.length == 1) {
            return values[0].length() > max ? values[0].substring(0, max) : values[0];
        }
        StringBuilder sb = new StringBuilder(values[0].substring(0, Math.min(max, values[0].length())));
        for (int i = 1; i < values.length && sb.length() < max; i++) {
            int budget = max - sb.length();
            sb.append(MULTIVAL_SEP_CHAR).append(values[i], 0, Math.min(budget - 1, values[i].length()));
        }
        return sb;
    }

    @Override
    protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
        if (source != OffsetSource.POSTINGS || !components.getHighlightFlags().contains(HighlightFlag.WEIGHT_MATCHES)) {
            return super.getOffsetStrategy(source, components);
        }
        Query query = docsMatch ? onlyField(components.getQuery(), components.getField()) : components.getQuery();
        if (query == null) {
            return NoOpOffsetStrategy.INSTANCE; // nothing in the query names this field
        }
        return new PostingsOffsetStrategy(components) {
            private Weight weight;

            @Override
            protected void createOffsetsEnumsWeightMatcher(LeafReader reader, int docId, List<OffsetsEnum> results)
                    throws IOException {
                LeafReaderContext leaf = contextOf(reader);
                if (leaf == null) {
                    super.createOffsetsEnumsWeightMatcher(reader, docId, results);
                    return;
                }
                if (weight == null) {
                    weight = matching.createWeight(matching.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
                }
                Matches matches = weight.matches(leaf, docId);
                if (matches == null) {
                    return;
                }
                for (String field : matches) {
                    if (components.getFieldMatcher().test(field)) {
                        MatchesIterator it = matches.getMatches(field);
                        if (it != null) {
                            results.add(new OffsetsEnum.OfMatchesIteratorWithSubs(it));
                        }
                    }
                }
            }
        };
    }

    /**
     * The parts of {@code q} that name {@code field}, in the same boolean structure, or null when none
     * does. Only valid for documents that match {@code q}: required and prohibited clauses on other
     * fields are dropped. A query whose fields cannot be told (none reported) is kept.
     */
    static Query onlyField(Query q, String field) {
        if (q instanceof BoostQuery b) {
            Query in = onlyField(b.getQuery(), field);
            return in == null ? null : new BoostQuery(in, b.getBoost());
        }
        if (q instanceof BooleanQuery bq) {
            if (bq.getMinimumNumberShouldMatch() > 0) {
                return q; // leaving out optional clauses could change whether it matches
            }
            BooleanQuery.Builder kept = new BooleanQuery.Builder();
            int n = 0;
            for (BooleanClause c : bq) {
                if (c.isProhibited()) {
                    continue; // it does not match a document that matches q, so it marks nothing
                }
                Query k = onlyField(c.getQuery(), field);
                if (k != null) {
                    kept.add(k, c.getOccur());
                    n++;
                }
            }
            return n == 0 ? null : kept.build();
        }
        java.util.Set<String> fields = new java.util.HashSet<>();
        q.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String f) {
                fields.add(f);
                return false;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return fields.isEmpty() || fields.contains(field) ? q : null;
    }

    private LeafReaderContext contextOf(LeafReader reader) {
        for (LeafReaderContext leaf : matching.getIndexReader().leaves()) {
            if (leaf.reader() == reader) {
                return leaf;
            }
        }
        return null;
    }
}
