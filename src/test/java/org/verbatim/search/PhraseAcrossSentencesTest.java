package org.verbatim.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.support.Fixtures;

class PhraseAcrossSentencesTest {

    @TempDir
    Path tmp;

    @Test
    void aPhraseThatRunsAcrossASentenceEndIsHighlightedWithoutError() throws Exception {
        Path docs = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(docs.resolve("a.txt"), "Ann Lee: What do you run?\n\nBo Chen: We run everything in production. "
                + "Service levels are tight, so we watch latency. Then the production service team reviews every alert.\n");
        Fixtures.index(tmp.resolve("index"), docs);
        try (Searcher s = Searcher.open(tmp.resolve("index"))) {
            SearchResponse r = s.search(SearchRequest.of("\"production service\""));
            assertEquals(1, r.total().interviews());
            String snippet = r.results().get(0).matches().get(0).answerSnippet();
            assertTrue(snippet.contains("<mark>"), snippet);
            assertEquals(snippet.split("<mark>", -1).length - 1, snippet.split("</mark>", -1).length - 1, snippet);
        }
    }
}
