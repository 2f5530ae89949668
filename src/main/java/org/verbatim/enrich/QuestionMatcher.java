package org.verbatim.enrich;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * How alike two questions are. Questions of the catalogue ({@link QuestionTopics}) are the same when
 * they have the same topic. Others are compared on meaning (the cosine of their sentence embeddings,
 * see {@link QuestionEmbedder}) and on their content words (stemmed, without the request around them
 * and the words every question has), whichever says more, unless they take different sides of a
 * contrast of the lexicon ("give" / "receive" feedback), which makes them different whatever else
 * they share. Whether a question joins a group is decided from these similarities by
 * {@link QuestionGroups}. Thread-safe.
 */
public final class QuestionMatcher {

    /** Share of content words in common (Jaccard) at or above which two questions are the same. */
    public static final double DEFAULT_THRESHOLD = 0.6;

    /** Words that every interview question may have and that say nothing about what it asks. */
    private static final CharArraySet GENERIC;

    static {
        CharArraySet s = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        for (String w : List.of("you", "your", "yours", "yourself", "me", "us", "we", "i", "my", "our", "do", "does", "did",
                "what", "whats", "how", "why", "when", "where", "which", "who", "can", "could", "would", "will", "should",
                "have", "has", "had", "tell", "describe", "walk", "through", "talk", "explain", "share", "bit", "little",
                "about", "some", "any", "time", "example", "like", "really", "one", "so", "um", "uh", "just", "been",
                "am", "are", "is", "was", "were", "there", "here", "from", "thing", "things", "please", "mind", "go",
                "ve", "re", "ll", "d", "s", "t", "let", "lets", "say", "give", "us", "ever", "kind", "sort", "maybe",
                "also", "more", "most", "much", "very", "quick", "quickly", "briefly", "tend", "usually", "typically",
                "generally", "actually", "basically", "approach")) {
            s.add(w);
        }
        GENERIC = CharArraySet.unmodifiableSet(s);
    }

    private static final Analyzer CONTENT = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream ts = new EnglishPossessiveFilter(source);
            ts = new LowerCaseFilter(ts);
            ts = new StopFilter(ts, GENERIC);
            ts = new PorterStemFilter(ts);
            return new TokenStreamComponents(source, ts);
        }
    };

    private final QuestionText text;
    private final QuestionTopics topics;
    private final double threshold;
    private final QuestionEmbedder embedder;

    /** Word overlap and the catalogue only, without embeddings. */
    public QuestionMatcher(QuestionText text, QuestionTopics topics, double threshold) {
        this(text, topics, threshold, QuestionEmbedder.NONE);
    }

    public QuestionMatcher(QuestionText text, QuestionTopics topics, double threshold, QuestionEmbedder embedder) {
        this.text = text;
        this.topics = topics;
        this.threshold = threshold;
        this.embedder = embedder;
    }

    /**
     * A question ready for comparison: its core text (for matching; empty for a question that forms no
     * group, such as "Right?"), its display wording, the catalogue topic it matches ({@code null} for
     * none), its content words, stemmed and sorted, and the unit vector of its cleaned wording
     * ({@code null} without an embedding model).
     */
    public record Prepared(String core, String wording, String topic, List<String> terms, float[] vector) {
        public Prepared(String core, String wording, String topic, List<String> terms) {
            this(core, wording, topic, terms, null);
        }

        /** True when this question takes part in grouping. */
        public boolean groupable() {
            return !core.isEmpty();
        }
    }

    public Prepared prepare(String question) {
        String wording = text.wording(question);
        String core = QuestionText.coreOf(wording);
        if (core.isEmpty()) {
            return new Prepared(core, wording, null, List.of());
        }
        String topic = topics.match(core);
        List<String> terms = terms(QuestionText.essence(core));
        if (text.notAQuestion(question, wording, terms, topic != null)) {
            return new Prepared("", wording, null, List.of());
        }
        return new Prepared(core, wording, topic, terms, embedder.embed(text.forEmbedding(wording)));
    }

    private volatile List<Prepared> prototypes;

    /**
     * The catalogue's titles and example wordings as named prototypes, embedded once per matcher (every
     * question group set of an archive shares them).
     */
    public List<Prepared> prototypes() {
        List<Prepared> p = prototypes;
        if (p == null) {
            List<Prepared> out = new ArrayList<>();
            for (QuestionTopics.Topic t : topics.topics()) {
                out.add(prototype(t));
                for (String example : t.examples()) {
                    out.add(prototype(t, example));
                }
            }
            p = List.copyOf(out);
            prototypes = p;
        }
        return p;
    }

    /** A catalogue topic as a named prototype: its title, prepared like a question of that topic. */
    Prepared prototype(QuestionTopics.Topic topic) {
        return prototype(topic, topic.label());
    }

    /** One wording of a catalogue topic (its title or an example), prepared like a question of that topic. */
    Prepared prototype(QuestionTopics.Topic topic, String wording) {
        String clean = text.wording(wording);
        String core = QuestionText.coreOf(clean.isEmpty() ? wording : clean);
        return new Prepared(core, wording, topic.id(), terms(QuestionText.essence(core)), embedder.embed(clean.isEmpty() ? wording : clean));
    }

    /** Free text typed by a user to find a question: prepared like a question, never discarded. */
    public Prepared prepareQuery(String text) {
        Prepared p = prepare(text);
        if (p.groupable()) {
            return p;
        }
        String wording = text.strip();
        String core = QuestionText.coreOf(wording);
        return new Prepared(core, wording, topics.match(core), terms(QuestionText.essence(core)), embedder.embed(wording));
    }

    public QuestionTopics topics() {
        return topics;
    }

    public QuestionText text() {
        return text;
    }

    public QuestionEmbedder embedder() {
        return embedder;
    }

    static List<String> terms(String text) {
        Set<String> out = new TreeSet<>();
        try (TokenStream ts = CONTENT.tokenStream("q", new StringReader(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
        return new ArrayList<>(out);
    }

    /** Similarity in [-1, 1]; {@code -1} when the questions contrast or belong to different topics. */
    public double similarity(Prepared a, Prepared b) {
        if (a.core().isEmpty() || b.core().isEmpty()) {
            return -1;
        }
        if (a.core().equals(b.core())) {
            return 1;
        }
        // Two questions of the catalogue: the same topic or not, whatever the words.
        if (a.topic() != null && b.topic() != null) {
            return a.topic().equals(b.topic()) ? 1 : -1;
        }
        double overlap = jaccard(a.terms(), b.terms());
        double meaning = a.vector() != null && b.vector() != null ? QuestionEmbedder.cosine(a.vector(), b.vector()) : -1;
        if (Math.max(overlap, meaning) >= CONTRAST_FROM && text.lexicon().contrasting(padded(a.core()), padded(b.core()))) {
            return -1;
        }
        return Math.max(overlap, meaning);
    }

    /** Questions this alike are checked for a contrast; less alike ones never join anyway. */
    private static final double CONTRAST_FROM = 0.3;

    static double jaccard(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.size() && j < b.size()) {
            int c = a.get(i).compareTo(b.get(j));
            if (c == 0) {
                common++;
                i++;
                j++;
            } else if (c < 0) {
                i++;
            } else {
                j++;
            }
        }
        return common / (double) (a.size() + b.size() - common);
    }

    private static final java.util.regex.Pattern PUNCTUATION = java.util.regex.Pattern.compile("[?.!,;:\\s]+");

    private static String padded(String core) {
        return " " + PUNCTUATION.matcher(core).replaceAll(" ").strip() + " ";
    }

    public boolean same(Prepared a, Prepared b) {
        return similarity(a, b) >= threshold;
    }

    public double threshold() {
        return threshold;
    }
}
