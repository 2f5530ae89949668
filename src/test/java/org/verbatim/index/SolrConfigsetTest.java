package org.verbatim.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.ingest.TextDecoder;
import org.verbatim.support.Fixtures;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The Solr configset written from {@link Schema}: its analysis chains, read back from the written schema
 * and built by Lucene's own factories (the ones Solr uses), give the same tokens, positions and offsets
 * as the embedded index's analyzers on every file of the shared corpus and the samples.
 */
class SolrConfigsetTest {

    @TempDir
    Path tmp;

    static org.w3c.dom.Document parse(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    /** The analyzer the written schema declares for a field type, built from its factories by name. */
    static Analyzer analyzerOf(org.w3c.dom.Document schema, String fieldType, Path conf) throws IOException {
        NodeList types = schema.getElementsByTagName("fieldType");
        for (int i = 0; i < types.getLength(); i++) {
            Element t = (Element) types.item(i);
            if (!t.getAttribute("name").equals(fieldType)) {
                continue;
            }
            CustomAnalyzer.Builder b = CustomAnalyzer.builder(conf);
            NodeList steps = ((Element) t.getElementsByTagName("analyzer").item(0)).getChildNodes();
            for (int k = 0; k < steps.getLength(); k++) {
                if (steps.item(k).getNodeType() != Node.ELEMENT_NODE) {
                    continue;
                }
                Element step = (Element) steps.item(k);
                Map<String, String> params = new HashMap<>();
                for (int a = 0; a < step.getAttributes().getLength(); a++) {
                    Node attr = step.getAttributes().item(a);
                    if (!attr.getNodeName().equals("name")) {
                        params.put(attr.getNodeName(), attr.getNodeValue());
                    }
                }
                String name = step.getAttribute("name");
                switch (step.getTagName()) {
                    case "charFilter" -> b.addCharFilter(name, params);
                    case "tokenizer" -> b.withTokenizer(name, params);
                    case "filter" -> b.addTokenFilter(name, params);
                    default -> throw new AssertionError("unexpected step " + step.getTagName());
                }
            }
            return b.build();
        }
        throw new AssertionError("no field type " + fieldType);
    }

    static List<String> tokens(Analyzer a, String field, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = a.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term + "/" + inc.getPositionIncrement() + "/" + off.startOffset() + "-" + off.endOffset());
            }
            ts.end();
        }
        return out;
    }

    static List<Path> texts() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path root : List.of(Fixtures.corpus(), Path.of("samples"))) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile).filter(f -> f.toString().matches(".*\\.(txt|md|vtt|srt|json|tsv|sbv)$")).sorted().forEach(out::add);
                }
            }
        }
        return out;
    }

    @Test
    void theSchemasSpeechAndNameChainsGiveTheEmbeddedIndexsTokensOnEveryCorpusFile() throws Exception {
        SolrConfigset.write(tmp);
        Path conf = tmp.resolve("conf");
        org.w3c.dom.Document schema = parse(conf.resolve("managed-schema.xml"));
        Analyzer embedded = Schema.analyzer();
        int files = 0;
        long tokens = 0;
        try (Analyzer speech = analyzerOf(schema, "text_speech", conf); Analyzer names = analyzerOf(schema, "text_names", conf)) {
            for (Path f : texts()) {
                String text = TextDecoder.decode(Files.readAllBytes(f));
                List<String> expected = tokens(embedded, Schema.ANSWER, text);
                assertEquals(expected, tokens(speech, Schema.ANSWER, text), f.toString());
                assertEquals(tokens(embedded, Schema.SPEAKER, text), tokens(names, Schema.SPEAKER, text), f.toString());
                files++;
                tokens += expected.size();
            }
            // The chains' special cases, which a corpus may not hold.
            String tricky = "C# and C++ on .NET, Node.js's runtime, the team's Kafka consumers; Café naïve résumé";
            assertEquals(tokens(embedded, Schema.QUESTION, tricky), tokens(speech, Schema.QUESTION, tricky));
        }
        assertTrue(files >= 20, "files compared: " + files);
        assertTrue(tokens > 100_000, "tokens compared: " + tokens);
    }

    @Test
    void theSchemaHasEveryFieldTheEmbeddedIndexWritesAndOneFacetFieldPerDimension() throws Exception {
        SolrConfigset.write(tmp);
        org.w3c.dom.Document schema = parse(tmp.resolve("conf/managed-schema.xml"));
        Set<String> fields = new TreeSet<>();
        NodeList list = schema.getElementsByTagName("field");
        for (int i = 0; i < list.getLength(); i++) {
            fields.add(((Element) list.item(i)).getAttribute("name"));
        }
        for (String f : List.of(Schema.TYPE, Schema.QUESTION, Schema.ANSWER, Schema.INTERVIEW_ID, Schema.PAIR_INDEX,
                Schema.SPEAKER, Schema.CANDIDATE_TEXT, Schema.SKILL, Schema.QUESTION_GROUP, Schema.QUESTION_VECTOR,
                Schema.QUESTION_PHRASES, Schema.ANSWER_PHRASES, Schema.DATE, Schema.WORDS, Schema.INTERVIEW_JSON,
                Schema.GROUP_ID, Schema.GROUP_JSON, "_root_", "_nest_path_")) {
            assertTrue(fields.contains(f), "field " + f + " in " + fields);
        }
        for (String dim : Schema.FACETS) {
            assertTrue(fields.contains(SolrConfigset.FACET_FIELD_PREFIX + dim), dim);
        }
        String config = Files.readString(tmp.resolve("conf/solrconfig.xml"));
        assertTrue(config.contains("<luceneMatchVersion>" + org.apache.lucene.util.Version.LATEST + "</luceneMatchVersion>"), config);
        assertTrue(Files.readString(tmp.resolve("conf/" + Schema.STOPWORDS_FILE)).lines().anyMatch("the"::equals));
    }
}
