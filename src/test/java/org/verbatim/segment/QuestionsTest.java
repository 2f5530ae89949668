package org.verbatim.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuestionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"How did you start?", "Why?", "And then what happened?", "Is that right?", "Right?"})
    void sentencesEndingInAQuestionMarkAsk(String s) {
        assertTrue(Questions.isQuestionSentence(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "It only worked because we kept the scope small, right?",
        "We shipped it on a Friday afternoon, you know?",
        "The tests caught most of the regressions early, does that make sense?",
        "How did you start.",
        "?",
    })
    void tagsOnStatementsAndSentencesWithoutQuestionMarkDoNotAsk(String s) {
        assertFalse(Questions.isQuestionSentence(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "So how did you get started in games.",
        "And what did you do next",
        "Okay, did you ever ship it.",
        "Can you walk through it.",
        "So, Priya, how did you pick the database.",
    })
    void questionShapedSentencesWithoutQuestionMarkAreInterrogative(String s) {
        assertTrue(Questions.isInterrogative(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"How are you!", "How is it.", "Whatever works for you is fine.", "I did not know how."})
    void exclamationsShortSentencesAndStatementsAreNotInterrogative(String s) {
        assertFalse(Questions.isInterrogative(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Tell me about your last project.",
        "So, walk me through your design.",
        "Okay so describe the architecture.",
        "I'm curious how you chose Rust.",
        "I'd love to hear about the migration.",
        "Let's talk about testing.",
        "So, Carolyn, tell us a bit about yourself.",
        "Okay, Jean Luc, walk me through the outage.",
    })
    void imperativesAndCuriosityArePrompts(String s) {
        assertTrue(Questions.isPrompt(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"I told my manager about it.", "They described it as slow.", "Let's see.",
            "So, Carolyn told us about it."})
    void statementsAreNotPrompts(String s) {
        assertFalse(Questions.isPrompt(s));
    }

    @Test
    void textAsksWhenOneOfItsLastTwoSentencesAsks() {
        assertTrue(Questions.asks("We shipped it in May. What broke first?"));
        assertTrue(Questions.asks("What broke first? Thanks."));
        assertTrue(Questions.asks("Great answer. Tell me about the team."));
        assertFalse(Questions.asks("What broke first? Nothing, as it turned out. We were lucky."));
        assertFalse(Questions.asks(""));
    }

    @Test
    void looseAskingAlsoAcceptsAQuestionWithoutItsMark() {
        String s = "So how did you get started in games.";

        assertFalse(Questions.asks(s));
        assertTrue(Questions.asksLoosely(s));
        assertFalse(Questions.asksLoosely("I got started in games at school."));
    }

    @Test
    void wordsAreCountedBetweenRunsOfWhitespace() {
        assertEquals(0, Questions.wordCount("   "));
        assertEquals(3, Questions.wordCount("  one\ttwo \n three "));
    }

    @Test
    void sentencesSplitAtEndsButNotAfterTitlesOrInitials() {
        assertEquals(List.of("Mr. Smith met Dr. Jones in the U.S. office.", "Was it fun?", "Yes!"),
                Sentences.split("Mr. Smith met Dr. Jones in the U.S. office. Was it fun? Yes!"));
        assertEquals(List.of("He said \"stop.\"", "Then left"), Sentences.split("He said \"stop.\" Then left"));
    }

    @Test
    void initialsInARowStayOneSentenceAndAreSplitInLinearTime() {
        String initials = "A. B. C. ".repeat(20_000);

        // Searching each period's sentence again from its start took minutes here.
        List<String> sentences = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Sentences.split(initials + "Done."));

        assertEquals(List.of(initials + "Done."), sentences);
    }
}
