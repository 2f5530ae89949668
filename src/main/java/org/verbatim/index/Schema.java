package org.verbatim.index;

import java.io.Reader;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordMarkerFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;
import org.verbatim.segment.Interview;
import org.verbatim.segment.Pair;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.join.BitSetProducer;
import org.apache.lucene.search.join.QueryBitSetProducer;

/**
 * Every field name, the analyzers and the facet configuration, in one place, used by both the indexer
 * and the searcher ({@link FacetsConfig} is not stored in the index and must match at search time).
 *
 * <p>The index holds one block per interview: a document per question/answer pair, followed by one
 * parent document with the interview's metadata and facet fields. Facet counts over parent hits are
 * therefore counts of interviews.
 */
public final class Schema {

    // Both levels
    public static final String TYPE = "type";
    public static final String TYPE_INTERVIEW = "interview";
    public static final String TYPE_PAIR = "pair";
    /** Question-group documents: one per group, outside the interview blocks. */
    public static final String TYPE_GROUP = "group";
    public static final String GROUP_ID = "groupId";
    public static final String GROUP_LABEL = "groupLabel";
    public static final String GROUP_JSON = "groupJson";
    /** The order groups were created in, so that reading them back restores the same order. */
    public static final String GROUP_ORDER = "groupOrder";
    /** The question group of a pair (indexed and stored on pair documents). */
    public static final String QUESTION_GROUP = "questionGroup";
    /**
     * On pairs whose question asks something to compare: the sentence embedding of its cleaned wording,
     * unit length, searched by nearest neighbours (HNSW) to compare answers by a question's meaning.
     */
    public static final String QUESTION_VECTOR = "questionVector";
    /**
     * On pairs of an archive indexed for meaning search ({@code --semantic}): the vectors of the answer's
     * passages, one field per passage ({@code answerVector0}...), unit length, searched by nearest
     * neighbours; a pair's closeness to a query is that of its closest passage.
     */
    public static final String ANSWER_VECTOR = "answerVector";

    /** The field of an answer's {@code i}-th passage vector, {@code i} below {@link org.verbatim.enrich.AnswerPassages#MAX}. */
    public static String answerVectorField(int i) {
        return ANSWER_VECTOR + i;
    }

    /** Vectors are unit length, so their dot product is their cosine. */
    public static final org.apache.lucene.index.VectorSimilarityFunction QUESTION_SIMILARITY =
            org.apache.lucene.index.VectorSimilarityFunction.DOT_PRODUCT;
    public static final String INTERVIEW_ID = "interviewId";
    /** Doc values copy of the id on interview documents, for a stable tie-break when sorting. */
    public static final String INTERVIEW_ID_SORT = "interviewIdSort";
    public static final String SOURCE = "source";

    // Interview (parent) documents
    public static final String INTERVIEW_JSON = "interviewJson";
    public static final String HASH = "hash";
    public static final String DATE = "date";
    public static final String TITLE = "title";
    public static final String CANDIDATES = "candidates";
    public static final String INTERVIEWERS = "interviewers";
    public static final String ROLE = "role";
    public static final String TAGS = "tags";
    public static final String OUTCOME = "outcome";
    /** Where the interview's recording is: an http(s) URL or a path under the server's media folder. */
    public static final String RECORDING = "recording";
    public static final String FORMAT = "format";
    public static final String PAIR_COUNT = "pairCount";
    /** Skills: canonical names, on pairs (what each pair mentions) and interviews (most mentioned first). */
    public static final String SKILLS = "skills";
    /** Pairs that mention each skill, stored on the interview in the order of {@link #SKILLS}. */
    public static final String SKILL_PAIRS = "skillPairs";
    /** Indexed, unanalysed skill names on pair documents, for filtering pairs by skill. */
    public static final String SKILL = "skill";

    // Pair (child) documents
    public static final String PAIR_INDEX = "pair";
    public static final String QUESTION = "question";
    public static final String ANSWER = "answer";
    public static final String QUESTION_SPEAKER = "questionSpeaker";
    public static final String SPEAKER = "speaker";
    /** The answering speaker as doc values, to tell a panel's interviewees apart without reading stored fields. */
    public static final String SPEAKER_KEY = "speakerKey";
    public static final String CANDIDATE_TEXT = "candidate";
    /** Two-word shingles of the question and the answer ({@link PhraseShingles}), to narrow exact phrases. */
    public static final String QUESTION_PHRASES = "questionPhrases";
    public static final String ANSWER_PHRASES = "answerPhrases";
    /**
     * Every word said, unstemmed, for spelling suggestions and completions (not stored). Only which words
     * occur and how often are read, so each distinct word is indexed once per interview, on the interview
     * document: its document frequency counts interviews. (Indexes built before held it on every pair;
     * such an index answers the same way, with pair counts, until it is rebuilt.)
     */
    public static final String WORDS = "words";
    public static final String START = "start";
    public static final String END = "end";

    // Facet dimensions (on interview documents)
    public static final String FACET_CANDIDATE = "candidate";
    public static final String FACET_INTERVIEWER = "interviewer";
    public static final String FACET_ROLE = "role";
    public static final String FACET_YEAR = "year";
    public static final String FACET_TAG = "tag";
    public static final String FACET_FORMAT = "format";
    public static final String FACET_SKILL = "skill";
    /** Question groups an interview asked; values are group ids, shown with their labels. */
    public static final String FACET_QUESTION = "question";
    public static final java.util.List<String> FACETS = java.util.List.of(
            FACET_CANDIDATE, FACET_INTERVIEWER, FACET_ROLE, FACET_YEAR, FACET_TAG, FACET_SKILL, FACET_QUESTION, FACET_FORMAT);

    /** The fields a query searches when it names none, and the fields a query may name. */
    public static final java.util.List<String> DEFAULT_FIELDS = java.util.List.of(QUESTION, ANSWER);
    public static final java.util.Set<String> QUERYABLE_FIELDS = java.util.Set.of(QUESTION, ANSWER, SPEAKER, CANDIDATE_TEXT);

    /** Answer and question text: stored, with offsets in the postings for the unified highlighter. */
    public static final FieldType TEXT_WITH_OFFSETS;

    static {
        FieldType t = new FieldType(TextField.TYPE_STORED);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.freeze();
        TEXT_WITH_OFFSETS = t;
    }

    /**
     * An empty question and answer on interview and group documents: every document then has a norm for
     * them, and Lucene reads norms stored densely by position instead of through a sparse index.
     */
    private static final FieldType EMPTY_TEXT;

    static {
        FieldType t = new FieldType(TEXT_WITH_OFFSETS);
        t.setStored(false);
        t.freeze();
        EMPTY_TEXT = t;
    }

    private static void addEmptyText(Document d) {
        d.add(new Field(QUESTION, "", EMPTY_TEXT));
        d.add(new Field(ANSWER, "", EMPTY_TEXT));
    }

    /** The shingle field that goes with a text field, or {@code null} when it has none. */
    public static String phrasesField(String field) {
        return switch (field) {
            case QUESTION -> QUESTION_PHRASES;
            case ANSWER -> ANSWER_PHRASES;
            default -> null;
        };
    }

    private static final FacetsConfig FACETS_CONFIG = new FacetsConfig();

    static {
        FACETS_CONFIG.setMultiValued(FACET_CANDIDATE, true);
        FACETS_CONFIG.setMultiValued(FACET_INTERVIEWER, true);
        FACETS_CONFIG.setMultiValued(FACET_TAG, true);
        FACETS_CONFIG.setMultiValued(FACET_SKILL, true);
        FACETS_CONFIG.setMultiValued(FACET_QUESTION, true);
    }

    private Schema() {
    }

    public static FacetsConfig facetsConfig() {
        return FACETS_CONFIG;
    }

    /** The document that keeps a question group between runs: id, label, and exemplars with their vectors. */
    public static Document groupDocument(org.verbatim.enrich.QuestionGroups.Group g) {
        return groupDocument(g, null);
    }

    /** A group's document, labelled as people renamed it ({@code label}) or, when {@code null}, as the machine labels it. */
    public static Document groupDocument(org.verbatim.enrich.QuestionGroups.Group g, String label) {
        return groupDocument(g.id(), g.order(), label != null ? label : g.label(), GroupCodec.encode(g));
    }

    /** A group's document from its parts: id, creation order, label and {@link GroupCodec} form. */
    static Document groupDocument(String id, long order, String label, String json) {
        Document d = new Document();
        d.add(new NumericDocValuesField(GROUP_ORDER, order));
        d.add(new StringField(TYPE, TYPE_GROUP, Field.Store.NO));
        d.add(new StringField(GROUP_ID, id, Field.Store.YES));
        d.add(new StoredField(GROUP_LABEL, label));
        d.add(new StoredField(GROUP_JSON, json));
        addEmptyText(d);
        return d;
    }

    public static Query groupsQuery() {
        return new TermQuery(new Term(TYPE, TYPE_GROUP));
    }

    /** The query that selects interview (parent) documents. */
    public static Query interviewsQuery() {
        return new TermQuery(new Term(TYPE, TYPE_INTERVIEW));
    }

    public static Query pairsQuery() {
        return new TermQuery(new Term(TYPE, TYPE_PAIR));
    }

    /** Marks parent documents for block joins; cache one per searcher generation, it is cheap to share. */
    public static BitSetProducer parentFilter() {
        return new QueryBitSetProducer(interviewsQuery());
    }

    /**
     * The block of documents for one interview: its pairs in order, then the interview document last,
     * as {@link org.apache.lucene.search.join.ToParentBlockJoinQuery} requires. Facet fields are not yet
     * built; pass each document through {@link #facetsConfig()}{@code .build(...)} before adding it.
     */
    public static java.util.List<Document> toDocuments(Interview interview) {
        return toDocuments(interview, distinctWords(interview));
    }

    /** The block of documents for one interview whose distinct words ({@link #distinctWords}) are known. */
    public static java.util.List<Document> toDocuments(Interview interview, java.util.Set<String> words) {
        return toDocuments(interview, words, question -> null);
    }

    /**
     * The block of documents for one interview, each pair with its question's vector when
     * {@code questionVector} gives one for the question's text ({@code null}: not a question to compare).
     */
    public static java.util.List<Document> toDocuments(Interview interview, java.util.Set<String> words,
                                                       java.util.function.Function<String, float[]> questionVector) {
        return toDocuments(interview, words, questionVector, pair -> null);
    }

    /**
     * The same, each pair also with its answer's passage vectors when {@code answerVectors} gives them
     * (by pair index; {@code null}: the archive has no meaning search).
     */
    public static java.util.List<Document> toDocuments(Interview interview, java.util.Set<String> words,
                                                       java.util.function.Function<String, float[]> questionVector,
                                                       java.util.function.IntFunction<float[][]> answerVectors) {
        java.util.List<Document> docs = new java.util.ArrayList<>(interview.pairs().size() + 1);
        for (Pair p : interview.pairs()) {
            Document d = new Document();
            d.add(new StringField(TYPE, TYPE_PAIR, Field.Store.NO));
            d.add(new StringField(INTERVIEW_ID, interview.id(), Field.Store.YES));
            d.add(new StringField(SOURCE, interview.source(), Field.Store.NO));
            d.add(new StoredField(PAIR_INDEX, p.index()));
            d.add(new NumericDocValuesField(PAIR_INDEX, p.index()));
            PhraseShingles.Recording question = new PhraseShingles.Recording();
            PhraseShingles.Recording answer = new PhraseShingles.Recording();
            d.add(PhraseShingles.recorded(QUESTION, p.question(), TEXT_WITH_OFFSETS, question));
            d.add(PhraseShingles.recorded(ANSWER, p.answer(), TEXT_WITH_OFFSETS, answer));
            d.add(PhraseShingles.shingles(QUESTION_PHRASES, question));
            d.add(PhraseShingles.shingles(ANSWER_PHRASES, answer));
            if (p.questionSpeaker() != null) {
                d.add(new StoredField(QUESTION_SPEAKER, p.questionSpeaker()));
            }
            if (p.answerSpeaker() != null) {
                d.add(new TextField(SPEAKER, p.answerSpeaker(), Field.Store.YES));
                d.add(new SortedDocValuesField(SPEAKER_KEY, new BytesRef(p.answerSpeaker())));
            }
            for (String c : interview.candidates()) {
                d.add(new TextField(CANDIDATE_TEXT, c, Field.Store.NO));
            }
            for (String skill : p.skills()) {
                d.add(new StringField(SKILL, skill, Field.Store.YES));
            }
            if (p.questionGroup() != null) {
                d.add(new StringField(QUESTION_GROUP, p.questionGroup(), Field.Store.YES));
            }
            float[] vector = p.question().isBlank() ? null : questionVector.apply(p.question());
            if (vector != null) {
                d.add(new org.apache.lucene.document.KnnFloatVectorField(QUESTION_VECTOR, vector, QUESTION_SIMILARITY));
            }
            float[][] passages = answerVectors.apply(p.index());
            if (passages != null) {
                for (int i = 0; i < passages.length && i < org.verbatim.enrich.AnswerPassages.MAX; i++) {
                    d.add(new org.apache.lucene.document.KnnFloatVectorField(answerVectorField(i), passages[i], QUESTION_SIMILARITY));
                }
            }
            if (p.start() != null) {
                d.add(new StoredField(START, p.start()));
            }
            if (p.end() != null) {
                d.add(new StoredField(END, p.end()));
            }
            docs.add(d);
        }
        Document d = new Document();
        d.add(new StringField(TYPE, TYPE_INTERVIEW, Field.Store.NO));
        d.add(new StringField(INTERVIEW_ID, interview.id(), Field.Store.YES));
        d.add(new StringField(SOURCE, interview.source(), Field.Store.YES));
        d.add(new StoredField(HASH, interview.hash()));
        d.add(new TextField(TITLE, interview.title(), Field.Store.YES));
        d.add(new StoredField(FORMAT, interview.format()));
        d.add(new StoredField(PAIR_COUNT, interview.pairs().size()));
        d.add(new SortedDocValuesField(INTERVIEW_ID_SORT, new BytesRef(interview.id())));
        d.add(new Field(WORDS, new WordList(words), TextField.TYPE_NOT_STORED));
        addEmptyText(d);
        d.add(new SortedSetDocValuesFacetField(FACET_FORMAT, interview.format()));
        for (String c : interview.candidates()) {
            d.add(new StoredField(CANDIDATES, c));
            d.add(new SortedSetDocValuesFacetField(FACET_CANDIDATE, c));
        }
        for (String i : interview.interviewers()) {
            d.add(new StoredField(INTERVIEWERS, i));
            d.add(new SortedSetDocValuesFacetField(FACET_INTERVIEWER, i));
        }
        if (interview.role() != null) {
            d.add(new StoredField(ROLE, interview.role()));
            d.add(new SortedSetDocValuesFacetField(FACET_ROLE, interview.role()));
        }
        for (String t : interview.tags()) {
            d.add(new StoredField(TAGS, t));
            d.add(new SortedSetDocValuesFacetField(FACET_TAG, t));
        }
        if (interview.outcome() != null) {
            d.add(new StoredField(OUTCOME, interview.outcome()));
        }
        if (interview.recording() != null) {
            d.add(new StoredField(RECORDING, interview.recording()));
        }
        java.util.Set<String> groups = new java.util.LinkedHashSet<>();
        for (Pair p : interview.pairs()) {
            if (p.questionGroup() != null) {
                groups.add(p.questionGroup());
            }
        }
        for (String g : groups) {
            d.add(new SortedSetDocValuesFacetField(FACET_QUESTION, g));
        }
        for (java.util.Map.Entry<String, Integer> e : skillCounts(interview)) {
            d.add(new StoredField(SKILLS, e.getKey()));
            d.add(new StoredField(SKILL_PAIRS, e.getValue()));
            d.add(new SortedSetDocValuesFacetField(FACET_SKILL, e.getKey()));
        }
        if (interview.date() != null) {
            long day = interview.date().toEpochDay();
            d.add(new StoredField(DATE, interview.date().toString()));
            d.add(new LongPoint(DATE, day));
            d.add(new NumericDocValuesField(DATE, day));
            d.add(new SortedSetDocValuesFacetField(FACET_YEAR, Integer.toString(interview.date().getYear())));
        }
        docs.add(d);
        return docs;
    }

    /** Each skill the interview mentions with the number of its pairs that mention it, most first. */
    static java.util.List<java.util.Map.Entry<String, Integer>> skillCounts(Interview interview) {
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (Pair p : interview.pairs()) {
            for (String s : p.skills()) {
                counts.merge(s, 1, Integer::sum);
            }
        }
        java.util.List<java.util.Map.Entry<String, Integer>> out = new java.util.ArrayList<>(counts.entrySet());
        out.sort((a, b) -> b.getValue() - a.getValue());
        return out;
    }

    private static final Analyzer WORD_ANALYZER = new NameAnalyzer();

    /**
     * The distinct words of an interview's questions and answers, as {@link #WORDS} is analysed, in order
     * of first use. Speech repeats a small vocabulary, so the text is first cut at spaces, tabs and line
     * breaks, which never fall inside a word, and each distinct piece is analysed once.
     */
    public static java.util.Set<String> distinctWords(Interview interview) {
        java.util.Set<String> pieces = new java.util.LinkedHashSet<>();
        for (Pair p : interview.pairs()) {
            addPieces(p.question(), pieces);
            addPieces(p.answer(), pieces);
        }
        java.util.Set<String> words = new java.util.LinkedHashSet<>();
        for (String piece : pieces) {
            addWords(piece, words);
        }
        return words;
    }

    private static void addPieces(String text, java.util.Set<String> into) {
        int start = -1;
        for (int i = 0, n = text.length(); i <= n; i++) {
            boolean space = i == n || isBreakingSpace(text.charAt(i));
            if (space && start >= 0) {
                into.add(text.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
    }

    /** Characters that end a word wherever they stand (Unicode word boundaries break around them). */
    static boolean isBreakingSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r';
    }

    private static void addWords(String text, java.util.Set<String> into) {
        try (TokenStream ts = WORD_ANALYZER.tokenStream(WORDS, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                into.add(term.toString());
            }
            ts.end();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("analysing text in memory failed", e);
        }
    }

    /** Words already analysed, one token each. */
    private static final class WordList extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final java.util.Collection<String> words;
        private java.util.Iterator<String> next;

        WordList(java.util.Collection<String> words) {
            this.words = words;
        }

        @Override
        public void reset() throws java.io.IOException {
            super.reset();
            next = words.iterator();
        }

        @Override
        public boolean incrementToken() {
            if (!next.hasNext()) {
                return false;
            }
            clearAttributes();
            term.setEmpty().append(next.next());
            return true;
        }
    }

    /**
     * One step of an analysis chain written as configuration: a char filter, the tokenizer or a token
     * filter, by its Lucene service name, with its parameters.
     */
    public record AnalysisStep(String kind, String name, Map<String, String> params) {
        public static final String CHAR_FILTER = "charFilter";
        public static final String TOKENIZER = "tokenizer";
        public static final String FILTER = "filter";
    }

    /** Where the English stop words are, for chains written as configuration (a file beside the schema). */
    public static final String STOPWORDS_FILE = "lang/stopwords_en.txt";

    /**
     * {@link SpeechAnalyzer} as named steps, for a Solr schema ({@link SolrConfigset}); it gives the same
     * tokens (the stemmer's cache in {@link SpeechAnalyzer} only saves time). {@code SolrConfigsetTest}
     * checks that on every file of the shared corpus.
     */
    public static java.util.List<AnalysisStep> speechChain() {
        return java.util.List.of(
                new AnalysisStep(AnalysisStep.CHAR_FILTER, TechTermCharFilterFactory.NAME, Map.of()),
                new AnalysisStep(AnalysisStep.TOKENIZER, "standard", Map.of()),
                new AnalysisStep(AnalysisStep.FILTER, "englishPossessive", Map.of()),
                new AnalysisStep(AnalysisStep.FILTER, "lowercase", Map.of()),
                new AnalysisStep(AnalysisStep.FILTER, "stop", Map.of("words", STOPWORDS_FILE, "ignoreCase", "false")),
                new AnalysisStep(AnalysisStep.FILTER, "asciiFolding", Map.of()),
                new AnalysisStep(AnalysisStep.FILTER, TechTermKeywordFilterFactory.NAME, Map.of()),
                new AnalysisStep(AnalysisStep.FILTER, "porterStem", Map.of()));
    }

    /** {@link NameAnalyzer} as named steps. */
    public static java.util.List<AnalysisStep> nameChain() {
        return java.util.List.of(
                new AnalysisStep(AnalysisStep.TOKENIZER, "standard", Map.of()),
                new AnalysisStep(AnalysisStep.FILTER, "lowercase", Map.of()),
                new AnalysisStep(AnalysisStep.FILTER, "asciiFolding", Map.of()));
    }

    /** The analyzer for every field: English text analysis for speech, plain lower-casing for names. */
    public static Analyzer analyzer() {
        Analyzer names = new NameAnalyzer();
        return new PerFieldAnalyzerWrapper(new SpeechAnalyzer(), Map.of(
                SPEAKER, names, CANDIDATE_TEXT, names, QUESTION_SPEAKER, names, WORDS, names));
    }

    /**
     * English with stemming for recall, keeping technical terms whole: {@code C#}, {@code C++},
     * {@code F#}, {@code .NET} and {@code Node.js} are single tokens that plain {@code c}, {@code net} and
     * {@code node} do not match.
     */
    public static final class SpeechAnalyzer extends Analyzer {
        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new TechTermCharFilter(reader);
        }

        @Override
        protected Reader initReaderForNormalization(String fieldName, Reader reader) {
            return new TechTermCharFilter(reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream ts = new EnglishPossessiveFilter(source);
            ts = new LowerCaseFilter(ts);
            ts = new StopFilter(ts, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            ts = new ASCIIFoldingFilter(ts);
            ts = new TechTermKeywordFilter(ts);
            StemCache cache = new StemCache();
            ts = cache.after(new PorterStemFilter(cache.before(ts)));
            return new TokenStreamComponents(source, ts);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }

    /** Names: split into words, lower-cased, accents folded; no stemming or stop words. */
    public static final class NameAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream ts = new ASCIIFoldingFilter(new LowerCaseFilter(source));
            return new TokenStreamComponents(source, ts);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }
}
