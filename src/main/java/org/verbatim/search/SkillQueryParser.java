package org.verbatim.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.verbatim.index.Schema;

/**
 * Lucene query syntax where every word or phrase that names a skill also finds the skill's other names
 * ({@link SkillQueryExpansion}), in the default fields and in {@code question:} / {@code answer:} scopes,
 * quoted or not. Not thread-safe: one parser per query.
 */
final class SkillQueryParser extends MultiFieldQueryParser {

    private final SkillQueryExpansion expansion;
    private final Map<String, Float> fieldBoosts;

    SkillQueryParser(String[] fields, Analyzer analyzer, Map<String, Float> boosts, SkillQueryExpansion expansion) {
        super(fields, analyzer, boosts);
        this.expansion = expansion;
        this.fieldBoosts = boosts;
    }

    /** A quoted phrase. MultiFieldQueryParser would build it with QueryParser's own method, past the expansion. */
    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
        Query q = getFieldQuery(field, queryText, true);
        return q == null || slop == 0 ? q : withSlop(q, slop);
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
        if (field != null) {
            Query plain = super.getFieldQuery(field, queryText, quoted);
            boolean text = field.equals(Schema.ANSWER) || field.equals(Schema.QUESTION);
            return text ? expansion.expand(field, queryText, plain) : plain;
        }
        // No field named: when a skill is named, the expanded words in every default field, each with its
        // boost; otherwise as MultiFieldQueryParser builds it.
        List<Query> perField = new ArrayList<>();
        boolean expanded = false;
        for (String f : fields) {
            Query plain = super.getFieldQuery(f, queryText, quoted);
            Query q = f.equals(Schema.ANSWER) || f.equals(Schema.QUESTION) ? expansion.expand(f, queryText, plain) : plain;
            expanded |= q != plain;
            if (q != null) {
                Float boost = fieldBoosts.get(f);
                perField.add(boost == null ? q : new BoostQuery(q, boost));
            }
        }
        if (!expanded) {
            return super.getFieldQuery(null, queryText, quoted);
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        perField.forEach(q -> any.add(q, BooleanClause.Occur.SHOULD));
        return any.build();
    }

    /** The query with {@code slop} on each of its phrases ({@code "a b"~3}). */
    private static Query withSlop(Query q, int slop) {
        if (q instanceof PhraseQuery pq) {
            PhraseQuery.Builder b = new PhraseQuery.Builder().setSlop(slop);
            for (int i = 0; i < pq.getTerms().length; i++) {
                b.add(pq.getTerms()[i], pq.getPositions()[i]);
            }
            return b.build();
        }
        if (q instanceof BoostQuery bq) {
            return new BoostQuery(withSlop(bq.getQuery(), slop), bq.getBoost());
        }
        if (q instanceof BooleanQuery bool) {
            BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            bool.clauses().forEach(c -> b.add(withSlop(c.getQuery(), slop), c.getOccur()));
            return b.build();
        }
        return q;
    }

    List<String> fields() {
        return List.of(fields);
    }
}
