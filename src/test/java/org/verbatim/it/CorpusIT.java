package org.verbatim.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.index.IndexSummary;
import org.verbatim.ingest.SourceFile;
import org.verbatim.ingest.TranscriptLoader;
import org.verbatim.search.CompareResult;
import org.verbatim.search.Hit;
import org.verbatim.search.QuestionGroupView;
import org.verbatim.search.InterviewDetail;
import org.verbatim.search.SearchRequest;
import org.verbatim.search.SearchResponse;
import org.verbatim.search.Searcher;
import org.verbatim.segment.Interview;
import org.verbatim.segment.InterviewBuilder;
import org.verbatim.segment.Pair;
import org.verbatim.support.Fixtures;

/**
 * The real transcripts in the shared corpus (found through -Dverbatim.corpus, $VERBATIM_CORPUS or
 * ../shared/corpus): chosen files give the right pairs and speakers, and every file is either indexed
 * or reported with a reason.
 */
class CorpusIT {

    @TempDir
    static Path tmp;
    static Path corpus;
    static IndexSummary summary;
    static Searcher searcher;

    @BeforeAll
    static void indexCorpus() throws IOException {
        corpus = Fixtures.corpus();
        summary = Fixtures.index(tmp.resolve("index"), corpus);
        searcher = Searcher.open(tmp.resolve("index"));
    }

    @AfterAll
    static void close() throws IOException {
        searcher.close();
    }

    private static Interview read(String relative) throws Exception {
        SourceFile f = new TranscriptLoader(64L << 20).load(corpus.resolve(relative), null);
        return InterviewBuilder.build(f);
    }

    @Test
    void everyFileIsIndexedOrFailedWithAReason() throws IOException {
        long files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(Files::isRegularFile).filter(TranscriptLoader::isCandidate).count();
        }
        assertEquals(files, summary.files());
        assertEquals(summary.files(), summary.interviews() + summary.failed().size());
        for (IndexSummary.Failure f : summary.failed()) {
            assertFalse(f.error().isBlank(), f.file());
            assertFalse(f.error().startsWith("internal error"), f.file() + ": " + f.error());
        }
        Set<String> failedNames = summary.failed().stream().map(f -> Path.of(f.file()).getFileName().toString()).collect(Collectors.toSet());
        // Licences, READMEs and the test suites' expected-output JSON are not transcripts.
        assertTrue(failedNames.containsAll(List.of("README.md", "LICENSE", "LICENSE.md", "empty.vtt", "spec-example.json")), failedNames.toString());
        // Every transcript of the interview collections is read.
        assertTrue(summary.failed().stream().noneMatch(f -> f.file().contains("wh-briefings/press-briefings")));
        assertTrue(summary.failed().stream().noneMatch(f -> f.file().endsWith(".vtt") && f.file().contains("hitsave")));
    }

    @Test
    void malformedSubtitleFilesFailWithTheLineAtFault() {
        String reason = summary.failed().stream().filter(f -> f.file().endsWith("invalid_timeframe.vtt")).findFirst().orElseThrow().error();
        assertEquals("line 6: malformed cue timing '00:00:07.000 --> 00:00:1d.890'", reason);
    }

    @Test
    void seedGivesExactlyItsFourPairsWithCompleteAnswers() throws Exception {
        Interview seed = read("seed/000_ea19195571e0d369.txt");
        List<Pair> pairs = seed.pairs();
        assertEquals(4, pairs.size());
        assertTrue(pairs.get(0).question().startsWith("Thank you for taking the time"));
        assertTrue(pairs.get(0).question().endsWith("how you got into software engineering?"));
        assertEquals("What drew you specifically to this company and this role?", pairs.get(1).question());
        assertEquals("Can you walk me through a challenging project you've worked on recently?", pairs.get(2).question());
        assertEquals("That sounds like a substantial undertaking. How do you typically approach learning new technologies?", pairs.get(3).question());
        assertTrue(pairs.get(0).answer().startsWith("Absolutely. I started my journey"));
        assertTrue(pairs.get(0).answer().endsWith("a mobile app for local event discovery."));
        assertEquals(2, pairs.get(0).answer().split("\n\n").length);
        assertEquals(2, pairs.get(1).answer().split("\n\n").length);
        assertEquals(3, pairs.get(2).answer().split("\n\n").length);
        assertTrue(pairs.get(2).answer().endsWith("significantly better system reliability."));
        assertEquals(3, pairs.get(3).answer().split("\n\n").length);
        assertTrue(pairs.get(3).answer().endsWith("key to my growth as a developer."));
    }

    @Test
    void seedPhraseSearchReturnsThePairWithThePhraseMarked() throws Exception {
        SearchResponse r = searcher.search(SearchRequest.of("\"zero downtime during the migration\""));
        assertEquals(1, r.total().interviews());
        Hit hit = r.results().get(0);
        assertEquals("000_ea19195571e0d369", hit.interview().title());
        assertEquals(2, hit.matches().get(0).pair());
        assertTrue(hit.matches().get(0).answerSnippet().contains("<mark>zero downtime during the migration</mark>"),
                hit.matches().get(0).answerSnippet());
    }

    @Test
    void otterExportKeepsSpeakersTimesAndDetails() throws Exception {
        Interview i = read("hitsave/2020/Lantana Games/Interview with Danny Silvers of Lantana Games - 2020-11-19.md");
        assertEquals(List.of("Jonas Rosland"), i.interviewers());
        assertEquals(List.of("Danny Silvers"), i.candidates());
        assertEquals("2020-11-19", i.date().toString());
        assertEquals("Transcript of interview with Danny Silvers of Lantana Games", i.title());
        Pair first = i.pairs().get(0);
        assertEquals("Jonas Rosland", first.questionSpeaker());
        assertTrue(first.question().endsWith("Danny, do you want to introduce yourself?"));
        assertEquals("Danny Silvers", first.answerSpeaker());
        assertTrue(first.answer().startsWith("Sure thing. Hi, everybody. I am Danny Silvers"));
        assertEquals(0.0, first.start());
        assertEquals(105.0, i.pairs().get(1).start());
        assertTrue(i.pairs().stream().allMatch(p -> p.answerSpeaker() == null || p.answerSpeaker().equals("Danny Silvers")));
    }

    @Test
    void otterExportWithoutTimesAndTwoInterviewersKeepsEachInterviewee() throws Exception {
        Interview i = read("hitsave/2021/Redstart Interactive/Get-A-Grip Chip transcription.md");
        assertEquals(List.of("Jonas Rosland", "Rich W McGrath"), i.interviewers());
        assertEquals(List.of("Jon Lawitts", "Vicky Wei"), i.candidates());
        Pair intro = i.pairs().get(0);
        assertTrue(intro.question().endsWith("Who are you, who is John and Vicki."));
        assertEquals("Jon Lawitts", intro.answerSpeaker());
        assertEquals(intro.question(), i.pairs().get(1).question());
        assertEquals("Vicky Wei", i.pairs().get(1).answerSpeaker());
        assertTrue(i.pairs().stream().allMatch(p -> p.start() == null));
    }

    @Test
    void pressBriefingPairsReportersQuestionsWithThePressSecretarysAnswers() throws Exception {
        Interview i = read("wh-briefings/press-briefings/2022-05/2022-05-02-press-briefing-by-press-secretary-jen-psaki-may-2-2022.md");
        assertEquals("2022-05-02", i.date().toString());
        assertEquals(List.of("Q"), i.interviewers());
        assertEquals(List.of("MS. PSAKI"), i.candidates());
        assertEquals("Press Briefing by Press Secretary Jen Psaki, May 2, 2022", i.title());
        Pair opening = i.pairs().get(0);
        assertEquals("", opening.question());
        assertTrue(opening.answer().startsWith("Hi, everyone. Okay. Happy Monday."), opening.answer());
        Pair javelin = i.pairs().get(1);
        assertEquals("Q", javelin.questionSpeaker());
        assertTrue(javelin.question().startsWith("Great. So, analysts say that Russia’s war in Ukraine has depleted"), javelin.question());
        assertTrue(javelin.answer().startsWith("Well, first, I would say that the Defense Department assesses"), javelin.answer());
        assertFalse(javelin.answer().contains("\u00A0"));
        assertTrue(i.pairs().size() > 40);
    }

    @Test
    void teamsVttKeepsVoicesAndTimes() throws Exception {
        Interview i = read("format-fixtures/webvtt-py__tests_subtitles/teams_timeframe.vtt");
        assertEquals(1, i.pairs().size());
        Pair p = i.pairs().get(0);
        assertEquals("Yuri Bakulin", p.questionSpeaker());
        assertEquals("There you go.", p.question());
        assertEquals("Adrian Petrescu", p.answerSpeaker());
        assertEquals("Why hello there, Yuri.", p.answer());
        assertEquals(0.0, p.start());
        assertEquals(1.13, p.end(), 1e-9);
    }

    @Test
    void whisperJsonWithoutSpeakersSplitsAtQuestionsAndKeepsTimes() throws Exception {
        Interview i = read("hitsave/2023/Goodboy Galaxy/Goodboy Galaxy - Rik Nicol.json");
        assertEquals("whisper json", i.format());
        Pair intro = i.pairs().get(1);
        assertTrue(intro.question().endsWith("Do you want to introduce yourself?"), intro.question());
        assertTrue(intro.answer().startsWith("Yeah. Hi, I'm Rick from Good Boy Galaxy."), intro.answer());
        assertNotNull(intro.start());
        assertTrue(intro.start() > 60 && intro.start() < 80, String.valueOf(intro.start()));
        assertTrue(i.pairs().stream().allMatch(p -> p.questionSpeaker() == null && p.answerSpeaker() == null));
        assertTrue(i.pairs().size() >= 15, String.valueOf(i.pairs().size()));
    }

    @Test
    void theSameInterviewInSevenFormatsGivesTheSameWords() throws Exception {
        String base = "hitsave/2023/Goodboy Galaxy/Goodboy Galaxy - Rik Nicol.";
        String reference = words(read(base + "json"));
        for (String ext : List.of("srt", "vtt", "tsv", "txt", "text", "lrc")) {
            assertEquals(reference, words(read(base + ext)), ext);
        }
    }

    private static String words(Interview i) {
        return i.pairs().stream().map(p -> p.question() + " " + p.answer()).collect(Collectors.joining(" "))
                .replaceAll("\\s+", " ").strip();
    }

    @Test
    void aSkillSaidUnderTwoNamesIsFoundUnderEitherAcrossCorpusAndSamples() throws Exception {
        Path both = tmp.resolve("corpus-and-samples");
        Fixtures.index(both, corpus, Path.of("samples"));
        try (Searcher s = Searcher.open(both, Fixtures.skills())) {
            for (String q : List.of("JS", "javascript")) {
                SearchResponse r = s.search(SearchRequest.of(q).withSize(50));
                Set<String> titles = r.results().stream().map(h -> h.interview().title()).collect(Collectors.toSet());
                // The seed says "JavaScript"; Lena's interview says "JS"; Mateo's says "JavaScript".
                assertTrue(titles.contains("000_ea19195571e0d369"), q + ": " + titles);
                assertTrue(titles.contains("Frontend Engineer interview with Lena Hoffmann"), q + ": " + titles);
                assertTrue(titles.contains("Frontend Engineer interview with Mateo Alvarez"), q + ": " + titles);
            }
        }
    }

    @Test
    void hitsaveGettingStartedInGameDevelopmentQuestionsShareOneGroup() throws Exception {
        try (Searcher s = Searcher.open(tmp.resolve("index"), Fixtures.skills(), Fixtures.grouping())) {
            QuestionGroupView g = s.closestGroup("How did you get started in game development?");
            CompareResult r = s.compare(g.id(), SearchRequest.of(""));
            List<String> titles = r.answers().stream().map(a -> a.interview().title()).toList();
            // Asked as "how did you get started in game development", "so how did you get started?",
            // "how did you get into this?", "how did you get into?" in four different interviews.
            for (String t : List.of("Jon Lawitts and Vicky Wei", "Danny Silvers", "Carolyn Ly", "Rik Nicol")) {
                assertTrue(titles.stream().anyMatch(x -> x.contains(t)), t + " not in " + titles);
            }
            for (CompareResult.Answer a : r.answers()) {
                String asked = a.questionAsked().toLowerCase(java.util.Locale.ROOT);
                assertTrue(asked.matches("(?s).*\\b(get|got|getting) (started|into|here)\\b.*"), asked);
            }
        }
    }

    @Test
    void interviewPageOfABriefingHasEveryPairInOrder() throws Exception {
        SearchResponse r = searcher.search(SearchRequest.of("\"Javelin anti-armor systems\""));
        assertEquals(1, r.total().interviews());
        assertEquals("Press Briefing by Press Secretary Jen Psaki, May 2, 2022", r.results().get(0).interview().title());
        assertTrue(r.results().get(0).matches().get(0).answerSnippet().contains("<mark>Javelin anti-armor systems</mark>"),
                r.results().get(0).matches().get(0).answerSnippet());
        InterviewDetail d = searcher.interview(r.results().get(0).interview().id());
        for (int k = 0; k < d.pairs().size(); k++) {
            assertEquals(k, d.pairs().get(k).pair());
        }
    }
}
