package org.verbatim.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.function.LongSupplier;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.join.BitSetProducer;
import org.apache.lucene.search.join.ScoreMode;
import org.apache.lucene.search.join.ToChildBlockJoinQuery;
import org.apache.lucene.search.join.ToParentBlockJoinQuery;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.verbatim.enrich.QuestionGrouping;
import org.verbatim.enrich.QuestionGroups;
import org.verbatim.enrich.Skill;
import org.verbatim.enrich.SkillVocabulary;
import org.verbatim.index.Schema;
import org.verbatim.index.TechTermCharFilter;

/**
 * Searches the index: interviews that have matching pairs, their best pairs with highlighted snippets,
 * and facet counts of interviews (multi-select: a facet's own filter does not narrow its own counts).
 *
 * <p>Thread-safe: one instance serves all requests; each call acquires a searcher from a
 * {@link SearcherManager} and releases it. Call {@link #refresh()} to see new commits.
 */
public final class Searcher implements Archive {

    /** Results beyond this many interviews are not paged to (page × size). */
    public static final int MAX_WINDOW = 10_000;
    public static final int MAX_SIZE = 100;
    /** How long a search collects hits before it answers with what it found, flagged {@code timedOut}. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(2);
    private static final Pattern FIELD_REF = Pattern.compile("(?<![\\w\\\\])([A-Za-z_][A-Za-z0-9_]*):(?!//)");
    private static final int FACET_TOP_N = 50;
    /** Below this many interviews, a search looks for a spelling correction. */
    private static final int FEW_HITS = 3;
    private static final Pattern SIMPLE_QUERY = Pattern.compile("[\\p{L}\\p{N}'’\\s\"-]+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");
    private static final java.util.Set<String> OPERATORS = java.util.Set.of("AND", "OR", "NOT");
    /** A slash inside a word ("A/B", "TCP/IP") is part of it; only one that starts a term opens a /regular expression/. */
    private static final Pattern SLASH_IN_WORD = Pattern.compile("(?<=[\\p{L}\\p{N}])/(?=[\\p{L}\\p{N}])");

    private final Directory directory;
    private final SearcherManager manager;
    private final Analyzer analyzer = Schema.analyzer();
    private final BitSetProducer parents = Schema.parentFilter();
    private final BitSetProducer pairDocs = new org.apache.lucene.search.join.QueryBitSetProducer(Schema.pairsQuery());
    /** A search's segments are matched in parallel on these threads, one per core. */
    private final java.util.concurrent.ExecutorService segmentThreads = segmentThreads();

    private static java.util.concurrent.ExecutorService segmentThreads() {
        int threads = Integer.getInteger("verbatim.searchThreads", Runtime.getRuntime().availableProcessors());
        if (threads <= 1) {
            return null;
        }
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "verbatim-search-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
    private volatile ReaderState state;
    private volatile Duration timeLimit = DEFAULT_TIME_LIMIT;
    private volatile LongSupplier clock = System::nanoTime;
    /** Whether searches by relevance take the one-pass join; tests turn it off to compare with the reference path. */
    private volatile boolean onePass = true;

    /** Facet state for one reader generation; building it costs a pass over the ordinals, so it is shared. */
    record ReaderState(IndexReader reader, boolean phraseShingles, SortedSetDocValuesReaderState facets, FacetOrdinals ordinals,
                               Map<String, List<FacetValue>> allValues, Map<String, String> groupLabels, List<String> groupJson) {
    }

    private final SkillVocabulary skills;
    private final Suggestions suggestions;
    private final Interviews interviews;
    private final SkillQueryExpansion skillExpansion;
    private final QuestionGrouping grouping;
    private final QuestionCompare compare;

    private Searcher(Directory directory, SearcherManager manager, SkillVocabulary skills, QuestionGrouping grouping) {
        this.directory = directory;
        this.manager = manager;
        this.skills = skills;
        this.suggestions = new Suggestions(skills);
        this.interviews = new Interviews(skills);
        this.skillExpansion = new SkillQueryExpansion(skills, analyzer);
        this.grouping = grouping;
        this.compare = new QuestionCompare(this, grouping);
    }

    /** Opens the index at {@code dir} without skill-aware queries. */
    public static Searcher open(Path dir) throws IOException {
        return open(dir, null);
    }

    /**
     * Opens the index at {@code dir}; queries that name a skill of {@code skills} (may be {@code null})
     * also find its other names. Throws {@link NoIndexException} when there is no index.
     */
    public static Searcher open(Path dir, SkillVocabulary skills) throws IOException {
        return open(dir, skills, null);
    }

    /**
     * Opens the index with skill-aware queries and question grouping (for comparing a free-text question);
     * either may be {@code null}.
     */
    public static Searcher open(Path dir, SkillVocabulary skills, QuestionGrouping grouping) throws IOException {
        org.verbatim.index.IndexLayout layout = new org.verbatim.index.IndexLayout(dir);
        if (!Files.isDirectory(dir) || layout.currentName() == null) {
            throw new NoIndexException("no index at " + dir + "; create one with 'verbatim index PATH...'");
        }
        Directory directory = FSDirectory.open(layout.current());
        try {
            return new Searcher(directory, new SearcherManager(directory, null), skills, grouping);
        } catch (IndexNotFoundException e) {
            directory.close();
            throw new NoIndexException("no index at " + dir + "; create one with 'verbatim index PATH...'");
        }
    }

    private volatile MergedFieldInfos mergedFieldInfos;

    private record MergedFieldInfos(IndexSearcher searcher, org.apache.lucene.index.FieldInfos fieldInfos) {
    }

    /** The searcher's fields, merged over its segments once (the manager hands out the same searcher until the next refresh). */
    private org.apache.lucene.index.FieldInfos fieldInfos(IndexSearcher searcher) {
        MergedFieldInfos m = mergedFieldInfos;
        if (m == null || m.searcher() != searcher) {
            m = new MergedFieldInfos(searcher, PageHighlighter.fieldInfos(searcher));
            mergedFieldInfos = m;
        }
        return m.fieldInfos();
    }

    private volatile boolean alwaysParallel;

    /** Runs every search's segments and facet counts in parallel, however small (tests of that path). */
    Searcher alwaysParallel() {
        this.alwaysParallel = true;
        return this;
    }

    private volatile FacetOrdinals.Strategy facetStrategy = FacetOrdinals.Strategy.BY_COST;

    /** Counts the dense facet dimensions one way whatever the cost (tests of each way). */
    Searcher countFacets(FacetOrdinals.Strategy strategy) {
        this.facetStrategy = strategy;
        return this;
    }

    /** Uses the reference path (block join, drill sideways, separate answer count) instead of the one-pass join. */
    Searcher withoutOnePass() {
        this.onePass = false;
        return this;
    }

    /** Sets how long one search may collect hits; past it, the search answers with what it found, flagged {@code timedOut}. */
    public Searcher limitTime(Duration limit) {
        return limitTime(limit, System::nanoTime);
    }

    Searcher limitTime(Duration limit, LongSupplier nanoClock) {
        if (limit.isNegative()) {
            throw new IllegalArgumentException("the time limit must not be negative (got: " + limit + ")");
        }
        this.timeLimit = limit;
        this.clock = nanoClock;
        return this;
    }

    /**
     * Picks up the latest commit if there is one; cheap when nothing changed. When another thread is
     * refreshing, waits for it and looks again, so a caller that just committed (a deletion, say) sees
     * its own change on return.
     */
    public void refresh() throws IOException {
        manager.maybeRefreshBlocking();
    }

    @Override
    public SearchResponse search(SearchRequest req) throws BadQueryException, IOException {
        try {
            return run(req);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new BadQueryException("the query expands to too many terms (a wildcard or fuzzy term matches too much); "
                    + "make it more specific", e);
        } catch (org.apache.lucene.util.automaton.TooComplexToDeterminizeException e) {
            throw new BadQueryException("the query's pattern is too complex; simplify the regular expression or wildcard", e);
        }
    }

    private SearchResponse run(SearchRequest req) throws BadQueryException, IOException {
        long t0 = System.nanoTime();
        validate(req);
        req = req.withFilters(canonicalSkills(req.filters()));
        if (req.mode() != SearchRequest.Mode.KEYWORD && !req.query().isEmpty()) {
            return byMeaning(req, t0);
        }
        Query parsed = req.query().isEmpty() ? null : parseText(req.query(), req.in());
        IndexSearcher searcher = manager.acquire();
        try {
            AcrossPairs.Roles roles = parsed == null ? null : AcrossPairs.roles(parsed, parents, searcher.getIndexReader());
            Query text = roles == null ? null : roles.counted();
            Query childQuery = text == null ? skillQuery(req) : inPairs(text);
            ReaderState rs = readerState(searcher);
            SortedSetDocValuesReaderState facetState = rs.facets();
            Deadline deadline = Deadline.after(timeLimit, clock);
            Query limited = childQuery == null ? null : new TimeLimitedQuery(childQuery, deadline);
            DrillDownQuery ddq = drillDown(parentBase(limited, req), req.filters());
            int topN = req.page() * req.size();
            boolean byDate = childQuery == null || req.sort() == SearchRequest.SortOrder.DATE;
            TopDocs top;
            Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
            long answers;
            if (facetState == null) {
                top = searcher.search(ddq, topN);
                answers = countAnswers(searcher, limited, req);
            } else if (!byDate && onePass) {
                // Pairs are told apart by a bit set here, so the text query runs without the pairs filter.
                Query pairQuery = text == null ? childQuery : rs.phraseShingles() ? PhraseFilters.narrow(text) : text;
                InterviewJoin.Result r = new InterviewJoin(searcher, parents, pairDocs, segmentThreads, alwaysParallel ? 0 : InterviewJoin.PARALLEL_FROM)
                        .search(pairQuery, deadline, dateRange(req), dimFilters(req), topN);
                top = r.top();
                answers = r.answers();
                facets.putAll(countFacets(rs, r.hits(), r.sideways()));
            } else {
                DrillSideways ds = new DrillSideways(searcher, Schema.facetsConfig(), facetState);
                DrillSideways.DrillSidewaysResult r = byDate
                        ? ds.search(ddq, null, null, topN, dateSort(), childQuery != null)
                        : ds.search(ddq, topN);
                top = r.hits;
                Map<String, String> labels = readerState(searcher).groupLabels();
                for (String dim : Schema.FACETS) {
                    facets.put(dim, labelled(dim, facetValues(r.facets, dim), labels));
                }
                answers = countAnswers(searcher, limited, req);
            }
            ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, Math.min(top.scoreDocs.length, (req.page() - 1) * req.size()),
                    top.scoreDocs.length);
            List<List<Match>> matches = childQuery == null ? null
                    : new PageMatches(searcher, PageMatches.highlighter(searcher, analyzer, fieldInfos(searcher)), parents).find(
                            roles == null ? childQuery : rs.phraseShingles() ? PhraseFilters.narrow(roles.shown()) : inPairs(roles.shown()),
                            roles == null ? childQuery : inPairs(roles.marked()),
                            Arrays.stream(page).mapToInt(sd -> sd.doc).toArray(), req.matchesPerInterview());
            List<Hit> hits = new ArrayList<>();
            StoredFields stored = searcher.getIndexReader().storedFields();
            for (int i = 0; i < page.length; i++) {
                InterviewSummary summary = summary(stored.document(page[i].doc));
                float score = page[i].score;
                hits.add(new Hit(summary, Float.isNaN(score) ? 0f : score, matches == null ? List.of() : matches.get(i)));
            }
            boolean timedOut = deadline.wasCutShort();
            String didYouMean = top.totalHits.value < FEW_HITS && childQuery != null && !timedOut
                    ? spelling(searcher, req, top.totalHits.value) : null;
            long tookMs = (System.nanoTime() - t0) / 1_000_000;
            return new SearchResponse(req.query(), tookMs, timedOut, new SearchResponse.Totals(top.totalHits.value, answers),
                    hits, facets, didYouMean);
        } finally {
            manager.release(searcher);
        }
    }

    /**
     * Interview counts of every facet over {@code hits}, each filtered dimension over its own sideways
     * interviews (those failing only its filter too), so that its other values keep their counts.
     */
    private Map<String, List<FacetValue>> countFacets(ReaderState rs, org.apache.lucene.facet.FacetsCollector hits,
                                                      Map<String, org.apache.lucene.facet.FacetsCollector> sideways) throws IOException {
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        Map<org.apache.lucene.facet.FacetsCollector, Facets> counted = new java.util.IdentityHashMap<>();
        for (String dim : Schema.FACETS) {
            org.apache.lucene.facet.FacetsCollector over = sideways.getOrDefault(dim, hits);
            Facets f = counted.get(over);
            if (f == null) {
                f = rs.ordinals().count(over, segmentThreads, alwaysParallel ? 0 : FacetOrdinals.PARALLEL_FROM, facetStrategy);
                counted.put(over, f);
            }
            facets.put(dim, labelled(dim, facetValues(f, dim), rs.groupLabels()));
        }
        return facets;
    }

    /** Whether the archive was indexed for meaning search ({@code --semantic}): the model of its answer vectors, or {@code null}. */
    @Override
    public String answerModel() throws IOException {
        return withSearcher(Searcher::answerModel);
    }

    private static String answerModel(IndexSearcher searcher) throws IOException {
        return searcher.getIndexReader() instanceof org.apache.lucene.index.DirectoryReader dr
                ? org.verbatim.index.CommitData.answerVectors(dr.getIndexCommit().getUserData()) : null;
    }

    /** A search in {@link SearchRequest.Mode#SEMANTIC} or {@link SearchRequest.Mode#HYBRID} mode; see {@link MeaningSearch}. */
    private SearchResponse byMeaning(SearchRequest req, long t0) throws BadQueryException, IOException {
        IndexSearcher searcher = manager.acquire();
        try {
            String model = answerModel(searcher);
            org.verbatim.enrich.QuestionEmbedder embedder = org.verbatim.enrich.QuestionEmbedder.shared();
            if (model == null) {
                throw new BadQueryException("this archive was indexed without meaning search; rebuild it with "
                        + "'verbatim reindex --semantic PATH...' to search by meaning (mode=" + req.mode().name().toLowerCase(java.util.Locale.ROOT) + ")");
            }
            if (!model.equals(embedder.model())) {
                throw new BadQueryException("the archive's answer vectors come from the model '" + model + "', and this server has '"
                        + embedder.model() + "'; rebuild the archive with 'verbatim reindex --semantic PATH...'");
            }
            boolean hybrid = req.mode() == SearchRequest.Mode.HYBRID;
            Query keyword = null;
            Query marked = null;
            if (hybrid) {
                Query parsed = parseText(req.query(), req.in());
                AcrossPairs.Roles roles = AcrossPairs.roles(parsed, parents, searcher.getIndexReader());
                keyword = roles == null ? parsed : roles.shown();
                marked = roles == null ? parsed : roles.marked();
            }
            float[] vector = embedder.embed(req.query());
            MeaningSearch.Result r = new MeaningSearch(searcher, parents).search(keyword, vector, dateRange(req), dimFilters(req));
            ReaderState rs = readerState(searcher);
            Map<String, List<FacetValue>> facets = rs.facets() == null ? Map.of() : countFacets(rs, r.hits(), r.sideways());
            int from = Math.min(r.interviews().size(), (req.page() - 1) * req.size());
            List<Integer> page = r.interviews().subList(from, Math.min(r.interviews().size(), from + req.size()));
            List<int[]> pairDocs = new ArrayList<>();
            Map<Integer, Integer> passages = new java.util.HashMap<>();
            for (int parent : page) {
                List<MeaningSearch.FoundPair> found = r.pairs().get(parent);
                pairDocs.add(found.stream().limit(Math.max(1, req.matchesPerInterview())).mapToInt(MeaningSearch.FoundPair::doc).toArray());
                found.forEach(p -> passages.put(p.doc(), p.passage()));
            }
            PageHighlighter highlighter = PageMatches.highlighter(searcher, analyzer, fieldInfos(searcher));
            List<List<Match>> matches = new PageMatches(searcher, highlighter, parents).of(pairDocs,
                    marked == null ? null : inPairs(marked), doc -> {
                        Integer at = passages.get(doc);
                        if (at == null || at < 0) {
                            return null;
                        }
                        try {
                            List<String> parts = org.verbatim.enrich.AnswerPassages.of(highlighter.document(doc).get(Schema.ANSWER));
                            return at < parts.size() ? parts.get(at) : null;
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
            List<Hit> hits = new ArrayList<>();
            StoredFields stored = searcher.getIndexReader().storedFields();
            for (int i = 0; i < page.size(); i++) {
                double best = r.pairs().get(page.get(i)).get(0).score();
                hits.add(new Hit(summary(stored.document(page.get(i))), (float) best, matches.get(i)));
            }
            return new SearchResponse(req.query(), (System.nanoTime() - t0) / 1_000_000, false,
                    new SearchResponse.Totals(r.interviews().size(), r.answers()), hits, facets, null);
        } finally {
            manager.release(searcher);
        }
    }

    /**
     * A likely correction of a query with few hits: each plain word that is rare or absent is replaced by
     * a close, more frequent word said in the archive, and the correction is offered only when it finds
     * more interviews.
     */
    private String spelling(IndexSearcher searcher, SearchRequest req, long hits) throws IOException {
        String q = req.query();
        if (!SIMPLE_QUERY.matcher(q).matches()) {
            return null;
        }
        IndexReader reader = searcher.getIndexReader();
        DirectSpellChecker checker = new DirectSpellChecker();
        Matcher words = WORD.matcher(q);
        StringBuilder out = new StringBuilder();
        boolean changed = false;
        while (words.find()) {
            String word = words.group();
            String lower = word.toLowerCase(java.util.Locale.ROOT);
            String replacement = word;
            if (lower.length() >= 3 && !OPERATORS.contains(word)) {
                int df = reader.docFreq(new Term(Schema.WORDS, lower));
                SuggestWord[] sug = checker.suggestSimilar(new Term(Schema.WORDS, lower), 1, reader,
                        df == 0 ? SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX : SuggestMode.SUGGEST_MORE_POPULAR);
                if (sug.length > 0 && (df == 0 || sug[0].freq > df * 4)) {
                    replacement = sug[0].string;
                    changed = true;
                }
            }
            words.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        words.appendTail(out);
        if (!changed) {
            return null;
        }
        String suggestion = out.toString();
        try {
            Query parent = new ToParentBlockJoinQuery(parse(suggestion, req.in()), parents, ScoreMode.None);
            return searcher.count(parent) > hits ? suggestion : null;
        } catch (BadQueryException e) {
            return null;
        }
    }

    /**
     * Completions for what a user is typing: candidates and roles whose name has a word starting with
     * the prefix, then frequent words said in the archive that start with it.
     */
    /**
     * Completions of what is being typed: skills (by name or alias) the archive mentions, candidates and
     * roles with a word starting with it, then frequent words; see {@link Suggestions}.
     */
    @Override
    public List<Suggestion> suggest(String prefix, int limit) throws IOException {
        return withSearcher(searcher -> suggestions.suggest(searcher, readerState(searcher), prefix, limit));
    }

    // ---- question groups --------------------------------------------------------------------------

    /**
     * Question groups asked in the interviews that match the request (its query searched in questions,
     * its filters), most asked first; at most {@code limit}.
     */
    @Override
    public List<QuestionGroupView> questions(SearchRequest req, int limit) throws BadQueryException, IOException {
        validate(req);
        req = req.withFilters(canonicalSkills(req.filters()));
        Query childQuery = req.query().isEmpty() ? null : parse(req.query(), SearchRequest.Scope.QUESTION);
        IndexSearcher searcher = manager.acquire();
        try {
            ReaderState rs = readerState(searcher);
            if (rs.facets() == null) {
                return List.of();
            }
            DrillDownQuery ddq = drillDown(parentBase(childQuery, req), req.filters());
            DrillSideways ds = new DrillSideways(searcher, Schema.facetsConfig(), rs.facets());
            DrillSideways.DrillSidewaysResult r = ds.search(ddq, 1);
            FacetResult fr;
            try {
                fr = r.facets.getTopChildren(Math.max(1, limit), Schema.FACET_QUESTION);
            } catch (IllegalArgumentException e) {
                return List.of();
            }
            List<QuestionGroupView> out = new ArrayList<>();
            if (fr != null) {
                for (LabelAndValue lv : fr.labelValues) {
                    out.add(new QuestionGroupView(lv.label, rs.groupLabels().getOrDefault(lv.label, lv.label), lv.value.longValue()));
                }
            }
            return out;
        } finally {
            manager.release(searcher);
        }
    }

    /** The labels of the question groups an interview's pairs belong to, by group id. */
    @Override
    public Map<String, String> groupLabels(InterviewDetail d) throws IOException {
        IndexSearcher searcher = manager.acquire();
        try {
            Map<String, String> labels = readerState(searcher).groupLabels();
            Map<String, String> out = new LinkedHashMap<>();
            for (InterviewDetail.PairView p : d.pairs()) {
                if (p.questionGroup() != null) {
                    out.put(p.questionGroup(), labels.getOrDefault(p.questionGroup(), p.questionGroup()));
                }
            }
            return out;
        } finally {
            manager.release(searcher);
        }
    }

    /** The question group closest to a free-text question, or {@code null} when there are no groups. */
    public QuestionGroupView closestGroup(String text) throws IOException {
        return compare.closestGroup(text);
    }

    /**
     * One page of the answers to a question group ({@code req.page()} and {@code req.size()}): one answer
     * per interviewee who was asked, newest interview first, with {@code total} answers in all. The
     * interviews that pass the filters are the candidates; {@code req.query()} only marks words.
     * Returns {@code null} for an unknown group.
     */
    @Override
    public CompareResult compare(String groupId, SearchRequest req) throws BadQueryException, IOException {
        validate(req);
        return compare.byGroup(groupId, req, (req.page() - 1) * req.size(), req.size());
    }

    /** Every answer to a question group, for exports and the matrix. */
    @Override
    public CompareResult compareAll(String groupId, SearchRequest req) throws BadQueryException, IOException {
        validate(req);
        return compare.byGroup(groupId, req, 0, Integer.MAX_VALUE);
    }

    /**
     * One page of the answers whose question is closest in meaning to {@code text}, best first, each with
     * its closeness; the result's question is the closest group. {@code null} when there are no groups.
     */
    @Override
    public CompareResult compareText(String text, SearchRequest req) throws BadQueryException, IOException {
        validate(req);
        return compare.byText(text, req, (req.page() - 1) * req.size(), req.size());
    }

    /** Every answer {@link #compareText} ranks, for exports. */
    @Override
    public CompareResult compareTextAll(String text, SearchRequest req) throws BadQueryException, IOException {
        validate(req);
        return compare.byText(text, req, 0, Integer.MAX_VALUE);
    }

    /** Candidates as rows, the given question groups as columns, each cell the start of the answer. */
    @Override
    public Matrix matrix(List<String> groupIds, SearchRequest req, int cellLength) throws BadQueryException, IOException {
        return compare.matrix(groupIds, req, cellLength);
    }

    IndexSearcher acquire() throws IOException {
        return manager.acquire();
    }

    void release(IndexSearcher searcher) throws IOException {
        manager.release(searcher);
    }

    BitSetProducer parents() {
        return parents;
    }

    /** The request with skill filters under their canonical names. */
    SearchRequest withCanonicalSkills(SearchRequest req) {
        return req.withFilters(canonicalSkills(req.filters()));
    }

    /** Marks the query's matches in whole answers (sentinels); null for an answer where nothing matched. */
    PageHighlighter wholeAnswerHighlighter(IndexSearcher searcher) {
        return new PageHighlighter(UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(Snippets.formatter())
                .withBreakIterator(org.apache.lucene.search.uhighlight.WholeBreakIterator::new)
                .withMaxLength(Integer.MAX_VALUE - 1)
                .withMaxNoHighlightPassages(0), fieldInfos(searcher), false);
    }

    static DrillDownQuery drillDown(Query base, Map<String, List<String>> filters) {
        DrillDownQuery ddq = new DrillDownQuery(Schema.facetsConfig(), base);
        for (Map.Entry<String, List<String>> f : filters.entrySet()) {
            for (String value : f.getValue()) {
                ddq.add(f.getKey(), value);
            }
        }
        return ddq;
    }

    /** The interview with this id and all its pairs, or {@code null} when there is none. */
    /** Where interview {@code id}'s recording is, as its metadata gave it; {@code null} when it has none or no such interview. */
    @Override
    public String recordingOf(String id) throws IOException {
        return withSearcher(searcher -> interviews.recording(searcher, id));
    }

    @Override
    public InterviewDetail interview(String id) throws IOException {
        return withSearcher(searcher -> interviews.read(searcher, id));
    }

    /** What a use case reads, from the searcher of the moment, released after. */
    private interface Reading<T> {
        T from(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(Reading<T> reading) throws IOException {
        IndexSearcher searcher = manager.acquire();
        try {
            return reading.from(searcher);
        } finally {
            manager.release(searcher);
        }
    }

    @Override
    public IndexStats stats() throws IOException {
        IndexSearcher searcher = manager.acquire();
        try {
            long interviews = searcher.count(Schema.interviewsQuery());
            long pairs = searcher.count(Schema.pairsQuery());
            long candidates = 0;
            List<FacetValue> formats = List.of();
            ReaderState rs = readerState(searcher);
            if (rs.facets() != null) {
                candidates = rs.allValues().getOrDefault(Schema.FACET_CANDIDATE, List.of()).size();
                formats = rs.allValues().getOrDefault(Schema.FACET_FORMAT, List.of()).stream()
                        .sorted(java.util.Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value))
                        .limit(FACET_TOP_N).toList();
            }
            long size = 0;
            for (String f : directory.listAll()) {
                try {
                    size += directory.fileLength(f);
                } catch (java.nio.file.NoSuchFileException ignored) {
                    // merged away while we looked
                }
            }
            String updated = null;
            if (searcher.getIndexReader() instanceof DirectoryReader dr) {
                updated = dr.getIndexCommit().getUserData().get("updated");
            }
            return new IndexStats(interviews, pairs, candidates, formats, size, updated);
        } finally {
            manager.release(searcher);
        }
    }

    @Override
    public void close() throws IOException {
        if (segmentThreads != null) {
            segmentThreads.shutdown();
        }
        manager.close();
        directory.close();
    }

    // ---- query building ---------------------------------------------------------------------------

    private static void validate(SearchRequest req) throws BadQueryException {
        if (req.page() < 1) {
            throw new BadQueryException("page must be >= 1 (got: " + req.page() + ")");
        }
        if (req.size() < 1 || req.size() > MAX_SIZE) {
            throw new BadQueryException("size must be between 1 and " + MAX_SIZE + " (got: " + req.size() + ")");
        }
        if ((long) req.page() * req.size() > MAX_WINDOW) {
            throw new BadQueryException("page × size must be <= " + MAX_WINDOW + " (got: " + (long) req.page() * req.size()
                    + "); narrow the search instead of paging this deep");
        }
        for (String dim : req.filters().keySet()) {
            if (!Schema.FACETS.contains(dim)) {
                throw new BadQueryException("unknown facet '" + dim + "'; facets are " + String.join(", ", Schema.FACETS));
            }
        }
        if (req.from() != null && req.to() != null && req.from().isAfter(req.to())) {
            throw new BadQueryException("from (" + req.from() + ") is after to (" + req.to() + ")");
        }
    }

    /** Skill filter values given as aliases ("k8s") become the canonical name ("Kubernetes"). */
    private Map<String, List<String>> canonicalSkills(Map<String, List<String>> filters) {
        List<String> values = filters.get(Schema.FACET_SKILL);
        if (values == null || skills == null) {
            return filters;
        }
        Map<String, List<String>> out = new LinkedHashMap<>(filters);
        out.put(Schema.FACET_SKILL, values.stream().map(v -> skills.find(v).map(Skill::name).orElse(v)).distinct().toList());
        return out;
    }

    /** With no words but a skill filter, the pairs that mention those skills are the matches to show. */
    private Query skillQuery(SearchRequest req) throws BadQueryException {
        List<String> values = req.filters().get(Schema.FACET_SKILL);
        if (values == null || values.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String v : values) {
            b.add(new TermQuery(new Term(Schema.SKILL, v)), BooleanClause.Occur.SHOULD);
            Skill s = skills == null ? null : skills.find(v).orElse(null);
            if (s != null) {
                for (String form : s.forms()) {
                    if (!s.isAmbiguous(form)) {
                        b.add(parse("\"" + form.replace("\"", "") + "\"", SearchRequest.Scope.ANSWER), BooleanClause.Occur.SHOULD);
                    }
                }
            }
        }
        return new BooleanQuery.Builder().add(Schema.pairsQuery(), BooleanClause.Occur.FILTER)
                .add(b.build(), BooleanClause.Occur.MUST).build();
    }

    /** Queries longer than this are refused: nobody types them, and they cost without bound. */
    public static final int MAX_QUERY_LENGTH = 1000;

    /** Parses Lucene query syntax over pair fields. */
    /** The query for pairs: the text query, and only pair documents. */
    Query parse(String query, SearchRequest.Scope scope) throws BadQueryException {
        return inPairs(parseText(query, scope));
    }

    private static Query inPairs(Query text) {
        return new BooleanQuery.Builder()
                .add(Schema.pairsQuery(), BooleanClause.Occur.FILTER)
                .add(text, BooleanClause.Occur.MUST).build();
    }

    /** The text query alone; it may match documents other than pairs (a query for every document, say). */
    private Query parseText(String query, SearchRequest.Scope scope) throws BadQueryException {
        if (query.length() > MAX_QUERY_LENGTH) {
            throw new BadQueryException("the query is " + query.length() + " characters long; the limit is " + MAX_QUERY_LENGTH);
        }
        Matcher m = FIELD_REF.matcher(query);
        while (m.find()) {
            if (!Schema.QUERYABLE_FIELDS.contains(m.group(1))) {
                throw new BadQueryException("unknown field '" + m.group(1) + ":'; a query can name "
                        + String.join(":, ", Schema.QUERYABLE_FIELDS.stream().sorted().toList()) + ":");
            }
        }
        String[] fields = switch (scope) {
            case QUESTION -> new String[] {Schema.QUESTION};
            case ANSWER -> new String[] {Schema.ANSWER};
            default -> Schema.DEFAULT_FIELDS.toArray(new String[0]);
        };
        MultiFieldQueryParser parser = new SkillQueryParser(fields, analyzer,
                Map.of(Schema.ANSWER, 1.0f, Schema.QUESTION, 0.6f), skillExpansion);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setAllowLeadingWildcard(false);
        // Fuzzy terms must share their first letter: bounds the terms a fuzzy query visits.
        parser.setFuzzyPrefixLength(1);
        parser.setSplitOnWhitespace(true);
        try {
            return parser.parse(SLASH_IN_WORD.matcher(TechTermCharFilter.rewriteText(query)).replaceAll("\\\\/"));
        } catch (ParseException e) {
            throw new BadQueryException("cannot parse query '" + query + "': " + firstLine(e.getMessage()), e);
        } catch (IllegalArgumentException | IndexSearcher.TooManyClauses
                 | org.apache.lucene.util.automaton.TooComplexToDeterminizeException e) {
            throw new BadQueryException("cannot run query '" + query + "': " + e.getMessage(), e);
        }
    }

    private static String firstLine(String message) {
        String m = message == null ? "" : message;
        int cut = m.indexOf("Was expecting");
        if (cut > 0) {
            m = m.substring(0, cut);
        }
        m = m.replaceFirst("^Cannot parse '.*?': ", "");
        return m.replace('\n', ' ').strip();
    }

    /** Question groups are counted by id and shown with their labels. */
    private static List<FacetValue> labelled(String dim, List<FacetValue> values, Map<String, String> labels) {
        if (!dim.equals(Schema.FACET_QUESTION)) {
            return values;
        }
        return values.stream().map(v -> new FacetValue(v.value(), v.count(), labels.getOrDefault(v.value(), v.value()))).toList();
    }

    /** The interviews within the request's date range, or {@code null} when it has none. */
    static Query dateRange(SearchRequest req) {
        if (req.from() == null && req.to() == null) {
            return null;
        }
        long lo = req.from() == null ? Long.MIN_VALUE : req.from().toEpochDay();
        long hi = req.to() == null ? Long.MAX_VALUE : req.to().toEpochDay();
        return LongPoint.newRangeQuery(Schema.DATE, lo, hi);
    }

    /** Per filtered facet dimension, the query an interview must match to pass it (any of the dimension's values). */
    private static Map<String, Query> dimFilters(SearchRequest req) {
        Map<String, Query> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> f : req.filters().entrySet()) {
            if (!f.getValue().isEmpty()) {
                out.put(f.getKey(), drillDown(new org.apache.lucene.search.MatchAllDocsQuery(), Map.of(f.getKey(), f.getValue()))
                        .getDrillDownQueries()[0]);
            }
        }
        return out;
    }

    /** Interviews with a matching pair (scored by their best pair), or all interviews, within the date range. */
    Query parentBase(Query childQuery, SearchRequest req) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        if (childQuery == null) {
            b.add(new ConstantScoreQuery(Schema.interviewsQuery()), BooleanClause.Occur.MUST);
        } else {
            b.add(new ToParentBlockJoinQuery(childQuery, parents, ScoreMode.Max), BooleanClause.Occur.MUST);
        }
        Query dates = dateRange(req);
        if (dates != null) {
            b.add(dates, BooleanClause.Occur.FILTER);
        }
        return b.build();
    }

    private static Sort dateSort() {
        SortField date = new SortField(Schema.DATE, SortField.Type.LONG, true);
        date.setMissingValue(Long.MIN_VALUE);
        return new Sort(date, new SortField(Schema.INTERVIEW_ID_SORT, SortField.Type.STRING));
    }

    /** Pairs that match the query inside the interviews that pass the filters. */
    private long countAnswers(IndexSearcher searcher, Query childQuery, SearchRequest req) throws IOException {
        Query pairs = childQuery == null ? Schema.pairsQuery() : childQuery;
        if (!req.filters().isEmpty() || req.from() != null || req.to() != null) {
            // The parents only need to pass the filters: the words are already required of the pairs, so the
            // text query is not run a second time through the join.
            Query inParents = new ToChildBlockJoinQuery(drillDown(parentBase(null, req), req.filters()), parents);
            pairs = new BooleanQuery.Builder()
                    .add(pairs, BooleanClause.Occur.MUST)
                    .add(inParents, BooleanClause.Occur.FILTER).build();
        }
        return searcher.count(pairs);
    }

    // ---- facets and stored fields -------------------------------------------------------------------

    private SortedSetDocValuesReaderState facetState(IndexSearcher searcher) throws IOException {
        return readerState(searcher).facets();
    }

    ReaderState readerState(IndexSearcher searcher) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        ReaderState s = state;
        if (s != null && s.reader() == reader) {
            return s;
        }
        synchronized (this) {
            s = state;
            if (s != null && s.reader() == reader) {
                return s;
            }
            SortedSetDocValuesReaderState fs;
            Map<String, List<FacetValue>> all = new LinkedHashMap<>();
            try {
                fs = new DefaultSortedSetDocValuesReaderState(reader, Schema.facetsConfig());
                Facets counts = new SortedSetDocValuesFacetCounts(fs);
                for (String dim : Schema.FACETS) {
                    FacetResult r = null;
                    try {
                        r = counts.getAllChildren(dim);
                    } catch (IllegalArgumentException e) {
                        // dimension never indexed
                    }
                    List<FacetValue> values = new ArrayList<>();
                    if (r != null) {
                        for (LabelAndValue lv : r.labelValues) {
                            values.add(new FacetValue(lv.label, lv.value.longValue()));
                        }
                    }
                    all.put(dim, values);
                }
            } catch (IllegalArgumentException e) {
                fs = null; // an empty index has no facet field yet
            }
            Map<String, String> labels = new LinkedHashMap<>();
            List<String> groupJson = new ArrayList<>();
            IndexSearcher gs = new IndexSearcher(reader);
            TopDocs groupDocs = gs.search(Schema.groupsQuery(), Math.max(1, reader.maxDoc()),
                    new Sort(new SortField(Schema.GROUP_ORDER, SortField.Type.LONG)));
            StoredFields stored = reader.storedFields();
            for (ScoreDoc sd : groupDocs.scoreDocs) {
                Document d = stored.document(sd.doc);
                labels.put(d.get(Schema.GROUP_ID), d.get(Schema.GROUP_LABEL));
                groupJson.add(d.get(Schema.GROUP_JSON));
            }
            boolean shingles = reader instanceof DirectoryReader dr
                    && org.verbatim.index.CommitData.hasPhraseShingles(dr.getIndexCommit().getUserData());
            s = new ReaderState(reader, shingles, fs, fs == null ? null : new FacetOrdinals(fs, parents), all, labels, groupJson);
            state = s;
            return s;
        }
    }

    private static List<FacetValue> facetValues(Facets facets, String dim) throws IOException {
        FacetResult r;
        try {
            r = facets.getTopChildren(FACET_TOP_N, dim);
        } catch (IllegalArgumentException e) {
            return List.of(); // dimension never indexed
        }
        if (r == null) {
            return List.of();
        }
        List<FacetValue> out = new ArrayList<>();
        for (LabelAndValue lv : r.labelValues) {
            out.add(new FacetValue(lv.label, lv.value.longValue()));
        }
        return out;
    }

    static InterviewSummary summary(Document d) {
        return new InterviewSummary(d.get(Schema.INTERVIEW_ID), d.get(Schema.TITLE),
                List.of(d.getValues(Schema.CANDIDATES)), List.of(d.getValues(Schema.INTERVIEWERS)),
                d.get(Schema.ROLE), d.get(Schema.DATE), List.of(d.getValues(Schema.TAGS)), d.get(Schema.OUTCOME),
                d.get(Schema.FORMAT), intField(d, Schema.PAIR_COUNT), List.of(d.getValues(Schema.SKILLS)),
                Recording.of(d.get(Schema.INTERVIEW_ID), d.get(Schema.RECORDING)));
    }

    static int intField(Document d, String field) {
        var f = d.getField(field);
        return f == null || f.numericValue() == null ? 0 : f.numericValue().intValue();
    }

    static Double doubleField(Document d, String field) {
        var f = d.getField(field);
        return f == null || f.numericValue() == null ? null : f.numericValue().doubleValue();
    }

}
