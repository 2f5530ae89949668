package org.verbatim.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.verbatim.support.Fixtures;

class QuestionTextTest {

    private final QuestionMatcher matcher = Fixtures.grouping().matcher();

    @ParameterizedTest
    @ValueSource(strings = {"Right?", "What?", "You know?", "What do you think?", "How so?", "Does that make sense?",
            "So it was mostly Java, right?", "You led that team, didn't you?", "so that was the whole rewrite right",
            "Can you hear me okay?", "Shall we get started?", "Do you mind if I take notes?",
            "And why does that matter? Because the cache is cold after every deploy, so the first requests all miss."})
    void turnsThatAskNothingToCompareFormNoGroup(String turn) {
        QuestionMatcher.Prepared p = matcher.prepare(turn);
        assertFalse(p.groupable(), turn);
        assertNull(Fixtures.grouping().newGroups().assign(p), turn);
    }

    @ParameterizedTest
    @ValueSource(strings = {"What editor do you use?", "Why Northwind?", "How do you test your code?",
            "Can we talk about your time at the bank?", "What's a bug you shipped that you still think about?"})
    void realQuestionsAreGrouped(String turn) {
        QuestionMatcher.Prepared p = matcher.prepare(turn);
        assertTrue(p.groupable(), turn);
        assertNotNull(Fixtures.grouping().newGroups().assign(p), turn);
    }

    @Test
    void theAnswerSpillingIntoTheTurnIsNotTheQuestion() {
        assertEquals("Carolyn, tell us about yourself.", matcher.text().wording(
                "I want to dive into who you are first. So, Carolyn, tell us a bit about yourself. Yeah, so"));
        assertEquals("What was the first thing you built?", matcher.text().wording(
                "We met at the fair. What was the first thing you built? Yeah, I"));
    }

    @Test
    void aShortQuestionBeforeItsRewordingIsKept() {
        // Only a hand-off ("Tom?") or a check ("Right?") is dropped from a run of questions.
        assertTrue(matcher.text().wording("How did you get into? Well, how did you become a developer?")
                .startsWith("How did you get into?"));
        assertEquals("Why did you pick Go?", matcher.text().wording("Tom? Why did you pick Go?"));
    }

    @Test
    void namesAreReplacedInLabelsButSkillsAndAcronymsStay() {
        assertEquals("Why are you leaving this company?", QuestionText.withoutNames("Why are you leaving Quillpad?"));
        assertEquals("What did you learn working with them?", QuestionText.withoutNames("What did you learn working with Sam Reyes?"));
        assertEquals("How do you run Kafka on AWS?", QuestionText.withoutNames("Priya, how do you run Kafka on AWS?"));
        assertEquals("What drew you to this role?", QuestionText.withoutNames("What drew you to this role, Tom?"));
    }

    @Test
    void aGroupWithoutATopicIsLabelledByAWordingThatNamesNoOne() {
        QuestionGroups groups = Fixtures.grouping().newGroups();
        String id = null;
        for (String q : List.of("What is the best code editor setup at Fabrikam?", "What is the best code editor setup?",
                "What's the best code editor setup for you?")) {
            String g = groups.assign(matcher.prepare(q));
            id = id == null ? g : id;
            assertEquals(id, g, q);
        }
        assertFalse(groups.get(id).label().contains("Fabrikam"), groups.get(id).label());
    }

    @Test
    void contrastingQuestionsStayApartHoweverAlikeTheirWords() {
        QuestionMatcher.Prepared give = matcher.prepare("How do you give feedback to a peer whose code needs work?");
        QuestionMatcher.Prepared receive = matcher.prepare("How do you receive feedback from a peer about your code?");
        assertEquals(-1, matcher.similarity(give, receive));
    }
}
