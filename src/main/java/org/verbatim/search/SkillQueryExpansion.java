package org.verbatim.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.verbatim.enrich.Skill;
import org.verbatim.enrich.SkillVocabulary;
import org.verbatim.index.Schema;
import org.verbatim.index.TechTermCharFilter;

/**
 * Finds the skills named inside a query's words or phrase and adds the same words with the skill's
 * other names: {@code kubernetes} also finds {@code k8s}, {@code "migrated to k8s"} also finds
 * "migrated to Kubernetes", {@code "Amazon Web Services"} also finds {@code AWS}. It works on the
 * analysed terms of one field query (the parser hands it each word or phrase with its field), so it holds
 * inside field scopes, {@code OR}, {@code NOT} and parentheses, and the terms it adds are the words that
 * were said, which is what highlighting marks.
 *
 * <p>A form that is also an ordinary word ("go", "react", "spring") is varied like any other: alone it
 * gains the skill's unambiguous names, and inside a phrase ("spark on emr") the phrase's other words keep
 * the variants ("pyspark on emr") to the technical sense. As an addition, such a form is used only beside
 * other words of a phrase. Immutable and thread-safe.
 */
final class SkillQueryExpansion {

    /** More variants than this for one phrase are not built: each skill in it is varied on its own instead. */
    static final int MAX_VARIANTS = 64;

    /** One way of naming a skill, as the field's analyzer spells it. */
    private record Form(Skill skill, String written, boolean ambiguous, List<String> terms, int[] positions) {
        int span() {
            return positions[positions.length - 1] + 1;
        }
    }

    /** A form found in the query's terms, from term {@code from} to {@code to} (exclusive). */
    private record Found(Form form, int from, int to) {
    }

    /** The query text's analysed terms and their positions. */
    private record Analysed(List<String> terms, int[] positions) {
    }

    private final Analyzer analyzer;
    private final Map<String, List<Form>> byFirstTerm = new HashMap<>();
    private final Map<String, List<Form>> bySkill = new HashMap<>();

    /** @param vocabulary the skills, or {@code null} for none (every query is left as it is) */
    SkillQueryExpansion(SkillVocabulary vocabulary, Analyzer analyzer) {
        this.analyzer = analyzer;
        if (vocabulary == null) {
            return;
        }
        for (Skill s : vocabulary.skills()) {
            Set<List<String>> seen = new java.util.HashSet<>();
            List<Form> forms = new ArrayList<>();
            for (String written : s.forms()) {
                Analysed a = analyse(Schema.ANSWER, TechTermCharFilter.rewriteText(written));
                if (a.terms().isEmpty() || !seen.add(a.terms())) {
                    continue;
                }
                boolean ambiguous = s.isAmbiguous(written);
                Form f = new Form(s, written, ambiguous, a.terms(), a.positions());
                forms.add(f);
                byFirstTerm.computeIfAbsent(a.terms().get(0), k -> new ArrayList<>()).add(f);
            }
            bySkill.put(s.name(), forms);
        }
        // Longest first, so that "spring boot" is found before "spring"; unambiguous before ambiguous.
        for (List<Form> forms : byFirstTerm.values()) {
            forms.sort(Comparator.comparingInt((Form f) -> -f.terms().size()).thenComparing(Form::ambiguous));
        }
    }

    /**
     * The field query for {@code text} with every skill named in it also matched under its other names.
     *
     * @param field a text field ({@link Schema#ANSWER} or {@link Schema#QUESTION})
     * @param text  the word or phrase as the user wrote it (without quotes)
     * @param plain the query the parser built for it; returned as is when no skill is named
     */
    Query expand(String field, String text, Query plain) {
        if (plain == null || byFirstTerm.isEmpty()) {
            return plain;
        }
        Analysed q = analyse(field, text);
        List<Found> found = find(q, text);
        if (found.isEmpty()) {
            return plain;
        }
        boolean whole = found.size() == 1 && found.get(0).from() == 0 && found.get(0).to() == q.terms().size();
        List<List<Form>> choices = new ArrayList<>();
        for (Found f : found) {
            List<Form> alternatives = new ArrayList<>();
            for (Form other : bySkill.getOrDefault(f.form().skill().name(), List.of())) {
                // An ordinary word alone says nothing; beside the phrase's other words it is the skill.
                if (!other.terms().equals(f.form().terms()) && !(whole && other.ambiguous())) {
                    alternatives.add(other);
                }
            }
            choices.add(alternatives);
        }
        Set<Query> variants = new LinkedHashSet<>();
        if (combinations(choices) <= MAX_VARIANTS) {
            addCombinations(field, q, found, choices, 0, new Form[found.size()], variants);
        } else {
            for (int k = 0; k < found.size(); k++) {
                for (Form alt : choices.get(k)) {
                    Form[] picked = new Form[found.size()];
                    picked[k] = alt;
                    variants.add(variant(field, q, found, picked));
                }
            }
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(plain, BooleanClause.Occur.SHOULD);
        variants.forEach(v -> b.add(v, BooleanClause.Occur.SHOULD));
        if (whole && field.equals(Schema.ANSWER)) {
            // Pairs where indexing found the skill under a form that is also an ordinary word ("Go").
            b.add(new TermQuery(new Term(Schema.SKILL, found.get(0).form().skill().name())), BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    /** The skills named in the terms, left to right, longest first, none overlapping. */
    private List<Found> find(Analysed q, String text) {
        List<Found> out = new ArrayList<>();
        List<String> terms = q.terms();
        int i = 0;
        while (i < terms.size()) {
            Found hit = null;
            for (Form f : byFirstTerm.getOrDefault(terms.get(i), List.of())) {
                int n = f.terms().size();
                if (i + n > terms.size() || !terms.subList(i, i + n).equals(f.terms())
                        || !samePositions(q.positions(), i, f.positions())) {
                    continue;
                }
                hit = new Found(f, i, i + n);
                break;
            }
            if (hit == null) {
                i++;
            } else {
                out.add(hit);
                i = hit.to();
            }
        }
        return out;
    }

    private static boolean samePositions(int[] positions, int from, int[] relative) {
        for (int k = 0; k < relative.length; k++) {
            if (positions[from + k] - positions[from] != relative[k]) {
                return false;
            }
        }
        return true;
    }

    private static long combinations(List<List<Form>> choices) {
        long n = 1;
        for (List<Form> c : choices) {
            n *= c.size() + 1;
            if (n > MAX_VARIANTS * 4L) {
                return n;
            }
        }
        return n;
    }

    /** Every combination of each found skill's own form ({@code null}) or one of its alternatives. */
    private void addCombinations(String field, Analysed q, List<Found> found, List<List<Form>> choices, int k,
                                 Form[] picked, Set<Query> out) {
        if (k == found.size()) {
            for (Form f : picked) {
                if (f != null) {
                    out.add(variant(field, q, found, picked));
                    return;
                }
            }
            return;
        }
        picked[k] = null;
        addCombinations(field, q, found, choices, k + 1, picked, out);
        for (Form alt : choices.get(k)) {
            picked[k] = alt;
            addCombinations(field, q, found, choices, k + 1, picked, out);
        }
        picked[k] = null;
    }

    /** The query's terms with each found skill replaced by the picked form (none: as written). */
    private static Query variant(String field, Analysed q, List<Found> found, Form[] picked) {
        List<String> terms = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        int shift = 0;
        int next = 0;
        for (int k = 0; k <= found.size(); k++) {
            int upTo = k < found.size() ? found.get(k).from() : q.terms().size();
            for (int i = next; i < upTo; i++) {
                terms.add(q.terms().get(i));
                positions.add(q.positions()[i] + shift);
            }
            if (k == found.size()) {
                break;
            }
            Found f = found.get(k);
            Form use = picked[k] == null ? f.form() : picked[k];
            int at = q.positions()[f.from()] + shift;
            for (int t = 0; t < use.terms().size(); t++) {
                terms.add(use.terms().get(t));
                positions.add(at + use.positions()[t]);
            }
            shift += use.span() - f.form().span();
            next = f.to();
        }
        if (terms.size() == 1) {
            return new TermQuery(new Term(field, terms.get(0)));
        }
        PhraseQuery.Builder b = new PhraseQuery.Builder();
        for (int i = 0; i < terms.size(); i++) {
            b.add(new Term(field, terms.get(i)), positions.get(i));
        }
        return b.build();
    }

    private Analysed analyse(String field, String text) {
        List<String> terms = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int pos = -1;
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                terms.add(term.toString());
                positions.add(Math.max(pos, 0));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing '" + text + "'", e);
        }
        int first = positions.isEmpty() ? 0 : positions.get(0);
        return new Analysed(List.copyOf(terms), positions.stream().mapToInt(p -> p - first).toArray());
    }
}
