package org.verbatim.enrich;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verbatim.support.Fixtures;

/**
 * Question grouping on a labelled set of question pairs written for this purpose
 * ({@code questions/labelled-pairs.jsonl}: same question in other words, or a different question, with
 * hard negatives such as "Why do you want to join us?" / "Why are you leaving your current job?").
 * Every question of the set is grouped as the indexer groups them (in order of first appearance); a
 * pair is predicted "same" when both questions land in one group. The measured figures are in the
 * README and asserted here as a floor.
 */
class QuestionGroupingQualityTest {

    /** Measured: precision 0.856, recall 0.759 (see the README). */
    static final double PRECISION_FLOOR = 0.85;
    static final double RECALL_FLOOR = 0.75;

    record Labelled(String a, String b, boolean same) {
    }

    static List<Labelled> pairs;

    @BeforeAll
    static void load() throws IOException {
        pairs = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : new String(Fixtures.bytes("questions/labelled-pairs.jsonl"), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                JsonNode n = json.readTree(line);
                pairs.add(new Labelled(n.get("a").asText(), n.get("b").asText(), n.get("same").asBoolean()));
            }
        }
    }

    record Scores(int tp, int fp, int fn, int tn, List<String> errors) {
        double precision() {
            return tp / (double) (tp + fp);
        }

        double recall() {
            return tp / (double) (tp + fn);
        }

        String line() {
            return String.format(Locale.ROOT, "precision %.3f, recall %.3f (tp %d, fp %d, fn %d, tn %d)", precision(), recall(), tp, fp, fn, tn);
        }
    }

    static Scores grouped(List<Labelled> set, QuestionMatcher matcher) {
        return grouped(set, matcher, new QuestionGroups(matcher));
    }

    static Scores grouped(List<Labelled> set, QuestionMatcher matcher, QuestionGroups groups) {
        Map<String, String> groupOf = new LinkedHashMap<>();
        for (Labelled p : set) {
            for (String q : List.of(p.a(), p.b())) {
                groupOf.computeIfAbsent(q, k -> String.valueOf(groups.assign(matcher.prepare(k))));
            }
        }
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        List<String> errors = new ArrayList<>();
        for (Labelled p : set) {
            boolean predicted = !groupOf.get(p.a()).equals("null") && groupOf.get(p.a()).equals(groupOf.get(p.b()));
            if (predicted && p.same()) {
                tp++;
            } else if (predicted) {
                fp++;
                errors.add("FP " + p.a() + "  ||  " + p.b());
            } else if (p.same()) {
                fn++;
                errors.add("FN " + p.a() + "  ||  " + p.b());
            } else {
                tn++;
            }
        }
        return new Scores(tp, fp, fn, tn, errors);
    }

    static QuestionMatcher matcher(double threshold) {
        return new QuestionMatcher(new QuestionText(QuestionLexicon.builtIn()), QuestionTopics.builtIn(), threshold);
    }

    @Test
    void groupingMeetsItsMeasuredPrecisionAndRecall() {
        Scores s = grouped(pairs, Fixtures.grouping().matcher());
        StringBuilder sweep = new StringBuilder();
        for (double t = 0.3; t <= 0.86; t += 0.05) {
            sweep.append(String.format(Locale.ROOT, "threshold %.2f: %s%n", t, grouped(pairs, matcher(t)).line()));
        }
        String report = pairs.size() + " labelled pairs, threshold " + Fixtures.grouping().matcher().threshold() + ": " + s.line()
                + "\n" + sweep + String.join("\n", s.errors());
        System.out.println(report);
        assertTrue(pairs.size() >= 300, "the labelled set must hold at least 300 pairs");
        assertTrue(s.precision() >= PRECISION_FLOOR, report);
        assertTrue(s.recall() >= RECALL_FLOOR, report);
    }
}
