package org.verbatim.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.support.Fixtures;

/**
 * Captions cut one speaker's sentence over several cues: the skills of a turn are found in the turn's
 * whole text, so a name in one cue and what shows it is a technology in the next still count.
 */
class CaptionSkillsTest {

    @Test
    void aSkillAndItsContextInConsecutiveCuesOfOneSpeakerCount(@TempDir Path tmp) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("captions"));
        Files.writeString(folder.resolve("panel.vtt"), """
                WEBVTT

                1
                00:00:01.000 --> 00:00:04.000
                <v Maria Lopez>Can you walk me through your data pipeline work?</v>

                2
                00:00:04.500 --> 00:00:07.000
                <v Sam Carter>sure so the nightly loads ran on airflow</v>

                3
                00:00:07.000 --> 00:00:10.000
                <v Sam Carter>and every dag had an owner</v>

                4
                00:00:10.500 --> 00:00:13.000
                <v Maria Lopez>And where did it run?</v>

                5
                00:00:13.500 --> 00:00:16.000
                <v Sam Carter>we had one node in our k8s cluster</v>

                6
                00:00:16.000 --> 00:00:19.000
                <v Sam Carter>that kept falling over at night</v>
                """);
        Fixtures.index(tmp.resolve("index"), folder);
        try (Searcher searcher = Searcher.open(tmp.resolve("index"), Fixtures.skills())) {
            SearchResponse all = searcher.search(SearchRequest.of(""));
            List<String> skills = all.facets().get("skill").stream().map(FacetValue::value).sorted().toList();
            assertEquals(List.of("Apache Airflow", "Kubernetes"), skills);
        }
    }
}
