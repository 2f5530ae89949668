package org.verbatim.enrich;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.verbatim.support.Fixtures;

/**
 * Precision and recall of skill extraction on a labelled set of interview sentences written for this
 * purpose ({@code skills/labelled-sentences.jsonl}). The measured figures are reported in the README
 * and asserted here as a floor.
 */
class SkillExtractionQualityTest {

    static final double PRECISION_FLOOR = 0.95;
    static final double RECALL_FLOOR = 0.90;

    record Scores(int sentences, int truePositives, int falsePositives, int falseNegatives, List<String> errors) {
        double precision() {
            return truePositives / (double) (truePositives + falsePositives);
        }

        double recall() {
            return truePositives / (double) (truePositives + falseNegatives);
        }
    }

    static Scores measure() throws IOException {
        SkillExtractor extractor = new SkillExtractor(Fixtures.skills());
        ObjectMapper json = new ObjectMapper();
        // The labels cover these skills; what the extractor finds beyond them is not judged here.
        Set<String> covered = new HashSet<>(List.of(new String(Fixtures.bytes("skills/labelled-skill-names.txt"),
                java.nio.charset.StandardCharsets.UTF_8).strip().split("\\s*\n\\s*")));
        String text = new String(Fixtures.bytes("skills/labelled-sentences.jsonl"), java.nio.charset.StandardCharsets.UTF_8);
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int n = 0;
        List<String> errors = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            n++;
            JsonNode row = json.readTree(line);
            Set<String> expected = new HashSet<>();
            row.get("skills").forEach(s -> expected.add(s.asText()));
            Set<String> found = new HashSet<>(extractor.skills(row.get("text").asText()));
            found.retainAll(covered);
            for (String f : found) {
                if (expected.contains(f)) {
                    tp++;
                } else {
                    fp++;
                    errors.add("FP " + f + " in: " + row.get("text").asText());
                }
            }
            for (String e : expected) {
                if (!found.contains(e)) {
                    fn++;
                    errors.add("FN " + e + " in: " + row.get("text").asText());
                }
            }
        }
        return new Scores(n, tp, fp, fn, errors);
    }

    @Test
    void extractionMeetsItsMeasuredPrecisionAndRecallOnTheLabelledSet() throws IOException {
        Scores s = measure();
        String report = String.format(java.util.Locale.ROOT, "%d sentences: precision %.3f, recall %.3f (tp %d, fp %d, fn %d)%n%s",
                s.sentences(), s.precision(), s.recall(), s.truePositives(), s.falsePositives(), s.falseNegatives(),
                String.join("\n", s.errors()));
        System.out.println(report);
        assertTrue(s.sentences() >= 200, "the labelled set must hold at least 200 sentences");
        assertTrue(s.precision() >= PRECISION_FLOOR, report);
        assertTrue(s.recall() >= RECALL_FLOOR, report);
    }
}
