package org.verbatim.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;
import org.verbatim.enrich.Skill;
import org.verbatim.enrich.SkillVocabulary;
import org.verbatim.index.Schema;

/** Completions for the search box, from what the archive holds: skills, candidates and roles, then words said. */
final class Suggestions {

    private final SkillVocabulary skills;

    /** @param skills the vocabulary whose names and aliases complete, or {@code null} for none */
    Suggestions(SkillVocabulary skills) {
        this.skills = skills;
    }

    List<Suggestion> suggest(IndexSearcher searcher, Searcher.ReaderState rs, String prefix, int limit) throws IOException {
        String p = prefix == null ? "" : prefix.strip().toLowerCase(java.util.Locale.ROOT);
        if (p.isEmpty()) {
            return List.of();
        }
        List<Suggestion> out = new ArrayList<>();
        out.addAll(skillSuggestions(p, rs, limit));
        for (String dim : List.of(Schema.FACET_CANDIDATE, Schema.FACET_ROLE)) {
            rs.allValues().getOrDefault(dim, List.of()).stream()
                    .filter(v -> wordStartsWith(v.value(), p))
                    .sorted((a, b) -> Long.compare(b.count(), a.count()))
                    .limit(limit)
                    .forEach(v -> out.add(new Suggestion(v.value(), dim, v.count())));
        }
        String last = p.contains(" ") ? p.substring(p.lastIndexOf(' ') + 1) : p;
        if (!last.isEmpty()) {
            List<Suggestion> terms = new ArrayList<>();
            Terms t = MultiTerms.getTerms(searcher.getIndexReader(), Schema.WORDS);
            if (t != null) {
                TermsEnum te = t.iterator();
                if (te.seekCeil(new BytesRef(last)) != TermsEnum.SeekStatus.END) {
                    int scanned = 0;
                    do {
                        String term = te.term().utf8ToString();
                        if (!term.startsWith(last) || scanned++ > 20_000) {
                            break;
                        }
                        if (term.length() > 2 && !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(term)) {
                            terms.add(new Suggestion(term, "term", te.docFreq()));
                        }
                    } while (te.next() != null);
                }
            }
            String head = p.contains(" ") ? p.substring(0, p.lastIndexOf(' ') + 1) : "";
            terms.stream().sorted((a, b) -> Long.compare(b.count(), a.count())).limit(limit)
                    .forEach(s -> out.add(new Suggestion(head + s.value(), s.type(), s.count())));
        }
        return out.size() > limit * 2 ? out.subList(0, limit * 2) : out;
    }

    /** Skills whose name or an alias starts with the prefix; those the archive mentions first, by interviews. */
    private List<Suggestion> skillSuggestions(String prefix, Searcher.ReaderState rs, int limit) {
        if (skills == null) {
            return List.of();
        }
        Map<String, Long> counts = new java.util.HashMap<>();
        for (FacetValue v : rs.allValues().getOrDefault(Schema.FACET_SKILL, List.of())) {
            counts.put(v.value(), v.count());
        }
        List<Suggestion> out = new ArrayList<>();
        for (Skill s : skills.skills()) {
            boolean hit = s.forms().stream().anyMatch(f -> !s.isAmbiguous(f) && wordStartsWith(f, prefix))
                    || s.forms().stream().anyMatch(f -> f.toLowerCase(java.util.Locale.ROOT).equals(prefix));
            long n = counts.getOrDefault(s.name(), 0L);
            // Only skills the archive mentions: a completion that finds nothing is noise.
            if (hit && n > 0) {
                out.add(new Suggestion(s.name(), "skill", n));
            }
        }
        out.sort((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count()) : a.value().compareToIgnoreCase(b.value()));
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    /**
     * Whether {@code value} (any case) starts with {@code prefix} (lower case), or one of its words does:
     * a word begins after whitespace, a hyphen, a full stop or a comma. Runs for every candidate name on
     * every keystroke, so it scans in place instead of lower-casing and splitting each name.
     */
    static boolean wordStartsWith(String value, String prefix) {
        int n = prefix.length();
        if (n == 0 || value.regionMatches(true, 0, prefix, 0, n)) {
            return true;
        }
        for (int i = 0; i < n; i++) {
            if (wordSeparator(prefix.charAt(i))) {
                return false; // a word holds no separator: only the whole value can start with such a prefix
            }
        }
        for (int i = 1, last = value.length() - n; i <= last; i++) {
            if (wordSeparator(value.charAt(i - 1)) && !wordSeparator(value.charAt(i)) && value.regionMatches(true, i, prefix, 0, n)) {
                return true;
            }
        }
        return false;
    }

    /** What separates words of a name: the characters of the regular expression {@code [\\s\\-.,]}. */
    private static boolean wordSeparator(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '-' || c == '.' || c == ',';
    }
}
