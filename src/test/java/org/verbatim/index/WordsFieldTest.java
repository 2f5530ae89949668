package org.verbatim.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.ingest.TranscriptLoader;
import org.verbatim.segment.Interview;
import org.verbatim.segment.InterviewBuilder;
import org.verbatim.segment.Pair;
import org.verbatim.support.Fixtures;
import org.verbatim.tools.CorpusGenerator;

/**
 * The words field (spelling suggestions and completions) holds each distinct word of an interview once,
 * on its interview document: every word said is there, with the interviews that said it.
 */
class WordsFieldTest {

    @Test
    void everyWordSaidIsIndexedOncePerInterviewThatSaidIt(@TempDir Path tmp) throws Exception {
        Path corpus = tmp.resolve("corpus");
        new CorpusGenerator(7).write(30, corpus);
        Path index = tmp.resolve("index");
        Fixtures.index(index, corpus);

        // What the words field should hold, worked out from the files with the field's own analyzer, word by word.
        Analyzer analyzer = Schema.analyzer();
        Map<String, Integer> interviewsSaying = new HashMap<>();
        TranscriptLoader loader = new TranscriptLoader(64L << 20);
        List<Path> files;
        try (Stream<Path> s = Files.list(corpus)) {
            files = s.filter(Files::isRegularFile).filter(TranscriptLoader::isCandidate).sorted().toList();
        }
        for (Path f : files) {
            Interview interview;
            try {
                interview = InterviewBuilder.build(loader.load(f, null));
            } catch (org.verbatim.ingest.UnreadableFileException e) {
                continue; // a metadata file beside its transcript, not an interview
            }
            Set<String> words = new java.util.HashSet<>();
            for (Pair p : interview.pairs()) {
                words.addAll(DistinctWordsTest.wholeText(analyzer, p.question()));
                words.addAll(DistinctWordsTest.wholeText(analyzer, p.answer()));
            }
            words.forEach(w -> interviewsSaying.merge(w, 1, Integer::sum));
        }
        assertTrue(interviewsSaying.size() > 500, interviewsSaying.size() + " distinct words");

        try (FSDirectory dir = FSDirectory.open(new IndexLayout(index).current()); DirectoryReader reader = DirectoryReader.open(dir)) {
            Map<String, Integer> indexed = new HashMap<>();
            Terms terms = MultiTerms.getTerms(reader, Schema.WORDS);
            TermsEnum te = terms.iterator();
            for (BytesRef term = te.next(); term != null; term = te.next()) {
                indexed.put(term.utf8ToString(), te.docFreq());
            }
            assertEquals(interviewsSaying, indexed);
            // Only interview documents hold the field.
            IndexSearcher searcher = new IndexSearcher(reader);
            String common = interviewsSaying.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            assertEquals(interviewsSaying.get(common).intValue(),
                    searcher.count(new org.apache.lucene.search.BooleanQuery.Builder()
                            .add(new TermQuery(new org.apache.lucene.index.Term(Schema.WORDS, common)), org.apache.lucene.search.BooleanClause.Occur.MUST)
                            .add(Schema.interviewsQuery(), org.apache.lucene.search.BooleanClause.Occur.FILTER).build()));
        }
    }
}
