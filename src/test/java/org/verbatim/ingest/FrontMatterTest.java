package org.verbatim.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.verbatim.ingest.FormatFixtures.assertTurn;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrontMatterTest {

    @Test
    void yamlFrontMatterGivesListsDateAndScalars() throws Exception {
        Transcript t = FormatFixtures.parse("front-matter.md");
        Metadata m = t.metadata();

        assertEquals("Staff engineer loop, system design", m.title());
        assertEquals(List.of("Ravi Menon"), m.candidates());
        assertEquals(List.of("Claire Dubois", "Henrik Vos"), m.interviewers());
        assertEquals("Staff Engineer", m.role());
        assertEquals(LocalDate.of(2023, 11, 8), m.date());
        assertEquals(List.of("system-design", "staff"), m.tags());
        assertEquals("no hire", m.outcome());
        assertNull(m.id());
    }

    @Test
    void yamlFrontMatterIsNotPartOfTheSpeech() throws Exception {
        Transcript t = FormatFixtures.parse("front-matter.md");

        assertEquals(TranscriptFormat.MARKDOWN, t.format());
        assertEquals(4, t.turns().size());
        assertTurn(t.turns().get(0), "Claire Dubois", "Let's start with the design. How would you build a feed service?", null, null);
        assertTurn(t.turns().get(3), "Ravi Menon",
                "Fan-out on write breaks down, so I'd switch to fan-out on read for those accounts.", null, null);
    }

    @Test
    void splitSeparatesFrontMatterFromBodyAndReadsSemicolonLists() throws Exception {
        FrontMatter.Split s = FrontMatter.split("---\ntitle: Call\ninterviewers: Ann Lee; Bo Kim\ndate: March 5, 2024\n---\nBody text\n");

        assertEquals("Call", s.metadata().title());
        assertEquals(List.of("Ann Lee", "Bo Kim"), s.metadata().interviewers());
        assertEquals(LocalDate.of(2024, 3, 5), s.metadata().date());
        assertEquals("Body text\n", s.body());
    }

    @Test
    void textWithoutFrontMatterIsLeftWhole() throws Exception {
        FrontMatter.Split s = FrontMatter.split("Interviewer: Hi?\n");

        assertEquals(Metadata.EMPTY, s.metadata());
        assertEquals("Interviewer: Hi?\n", s.body());
    }

    @Test
    void ruleLinesAroundPlainTextAreMarkdownNotFrontMatter() throws Exception {
        String text = "---\nJust a thought between rules\n---\nInterviewer: Hi?\n";

        FrontMatter.Split s = FrontMatter.split(text);

        assertEquals(Metadata.EMPTY, s.metadata());
        assertEquals(text, s.body());
    }

    @Test
    void invalidYamlFrontMatterIsUnreadable() {
        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> FrontMatter.split("---\ntitle: [unclosed\nrole: x\n---\nBody\n"));

        assertTrue(e.getMessage().startsWith("the front matter between the '---' lines is not valid YAML: "), e.getMessage());
    }

    @Test
    void frontMatterDateThatIsNotADateIsUnreadable() {
        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> FrontMatter.split("---\ndate: next Tuesday\n---\nBody\n"));

        assertEquals("metadata field 'date' is not a date: 'next Tuesday' (write it as YYYY-MM-DD)", e.getMessage());
    }

    @Test
    void firstHeadingIsTheTitleWithoutItsMarkup() {
        assertEquals("Bold title", FrontMatter.firstHeading("intro line\n## **Bold** title ##\n# Later heading\n"));
        assertNull(FrontMatter.firstHeading("no heading here\n#hashtag is not one\n"));
    }

    @Test
    void firstMarkdownHeadingBecomesTheTitle() throws Exception {
        assertEquals("Mobile developer interview", FormatFixtures.parse("details-preamble.md").metadata().title());
    }

    @Test
    void detailsSectionSentencesGiveDateAndInterviewer() throws Exception {
        Metadata m = FormatFixtures.parse("details-preamble.md").metadata();

        assertEquals(LocalDate.of(2022, 3, 2), m.date());
        assertEquals(List.of("Jane Roe"), m.interviewers());
        assertEquals(List.of(), m.candidates());
    }

    @Test
    void preambleSentencesNameInterviewerAndDate() {
        Metadata m = FrontMatter.fromPreamble("Interview took place on March 2, 2022. Interviewer is Jane Roe.");

        assertEquals(LocalDate.of(2022, 3, 2), m.date());
        assertEquals(List.of("Jane Roe"), m.interviewers());
    }

    @Test
    void preambleFieldLinesNameSeveralPeopleAndTheRole() {
        Metadata m = FrontMatter.fromPreamble("Interviewers: Ann Lee and Bo Kim\nCandidate: Cy Young\nRole: Site Reliability Engineer\n");

        assertEquals(List.of("Ann Lee", "Bo Kim"), m.interviewers());
        assertEquals(List.of("Cy Young"), m.candidates());
        assertEquals("Site Reliability Engineer", m.role());
        assertNull(m.date());
    }

    @Test
    void preambleRoleLineTooLongToBeARoleIsLeftOut() {
        Metadata m = FrontMatter.fromPreamble("Interviewer: Ann Lee\nRole: " + "hiring for the platform team ".repeat(10) + "\n");

        assertNull(m.role());
        assertEquals(List.of("Ann Lee"), m.interviewers());
    }

    @Test
    void preambleIsoDateIsRead() {
        Metadata m = FrontMatter.fromPreamble("Date: 2021-06-30\nInterviewer: Ann Lee\n");

        assertEquals(LocalDate.of(2021, 6, 30), m.date());
    }
}
