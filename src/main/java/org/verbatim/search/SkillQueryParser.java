package org.verbatim.search;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.verbatim.enrich.Skill;
import org.verbatim.enrich.SkillVocabulary;
import org.verbatim.index.Schema;
import org.verbatim.index.TechTermCharFilter;

/**
 * Lucene query syntax where a word or phrase naming a skill also finds the skill's other names:
 * {@code kubernetes} finds answers that only say {@code k8s} and the reverse, {@code "spring boot"}
 * finds "SpringBoot". The expansion searches the words themselves, so highlights mark what was said;
 * forms that are also ordinary words ("go") are not added, but pairs where the extractor found the
 * skill in context are. Not thread-safe: one parser per query.
 */
final class SkillQueryParser extends MultiFieldQueryParser {

    private final Map<String, Skill> byForm;
    private final Map<String, Float> fieldBoosts;

    SkillQueryParser(String[] fields, Analyzer analyzer, Map<String, Float> boosts, Map<String, Skill> byForm) {
        super(fields, analyzer, boosts);
        this.byForm = byForm;
        this.fieldBoosts = boosts;
    }

    /** Query keys of every form of every skill, as a query string spells them after tech-term rewriting. */
    static Map<String, Skill> formsByKey(SkillVocabulary vocabulary) {
        Map<String, Skill> out = new HashMap<>();
        if (vocabulary == null) {
            return out;
        }
        for (Skill s : vocabulary.skills()) {
            for (String f : s.forms()) {
                out.putIfAbsent(key(f), s);
            }
        }
        return out;
    }

    static String key(String text) {
        return TechTermCharFilter.rewriteText(text).toLowerCase(Locale.ROOT).replaceAll("[\\s\\-]+", " ").strip();
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
        Skill skill = byForm.get(key(queryText));
        if (skill == null) {
            return super.getFieldQuery(field, queryText, quoted);
        }
        if (field != null) {
            return expanded(field, queryText, quoted, skill);
        }
        // No field named: the skill in every default field, each with its boost.
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String f : fields) {
            Query q = expanded(f, queryText, quoted, skill);
            if (q != null) {
                Float boost = fieldBoosts.get(f);
                any.add(boost == null ? q : new org.apache.lucene.search.BoostQuery(q, boost), BooleanClause.Occur.SHOULD);
            }
        }
        BooleanQuery built = any.build();
        return built.clauses().isEmpty() ? null : built;
    }

    private Query expanded(String field, String queryText, boolean quoted, Skill skill) throws ParseException {
        Query plain = super.getFieldQuery(field, queryText, quoted);
        if (!(field.equals(Schema.ANSWER) || field.equals(Schema.QUESTION))) {
            return plain;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        if (plain != null) {
            b.add(plain, BooleanClause.Occur.SHOULD);
        }
        for (String form : skill.forms()) {
            if (skill.isAmbiguous(form) || key(form).equals(key(queryText))) {
                continue;
            }
            Query q = super.getFieldQuery(field, TechTermCharFilter.rewriteText(form), true);
            if (q != null) {
                b.add(q, BooleanClause.Occur.SHOULD);
            }
        }
        if (field.equals(Schema.ANSWER)) {
            b.add(new TermQuery(new Term(Schema.SKILL, skill.name())), BooleanClause.Occur.SHOULD);
        }
        BooleanQuery built = b.build();
        return built.clauses().isEmpty() ? plain : built;
    }

    List<String> fields() {
        return List.of(fields);
    }
}
