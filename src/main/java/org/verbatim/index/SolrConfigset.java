package org.verbatim.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * The Solr configset for a Verbatim collection, written from {@link Schema}: the same field names, the
 * same analysis chains ({@link Schema#speechChain()}, {@link Schema#nameChain()}, with Verbatim's own
 * two analysis factories loaded from its jar), interviews as parent documents with their pairs nested,
 * and one docValues string field per facet. {@code conf/managed-schema.xml}, {@code conf/solrconfig.xml}
 * and the stop words file are written under the given folder.
 */
public final class SolrConfigset {

    /** The Lucene version the schema declares: the one Verbatim indexes with, and SolrCloud 9.x runs. */
    public static final String LUCENE_MATCH_VERSION = org.apache.lucene.util.Version.LATEST.toString();

    /** Prefix of the docValues fields Solr's JSON facets count, one per {@link Schema#FACETS} dimension. */
    public static final String FACET_FIELD_PREFIX = "facet_";

    private record FieldDef(String name, String type, boolean indexed, boolean stored, boolean multiValued, boolean docValues) {
    }

    private SolrConfigset() {
    }

    /** Writes the configset into {@code dir} (created when missing); returns the files written. */
    public static List<Path> write(Path dir) throws IOException {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        List<Path> out = new ArrayList<>();
        out.add(writeFile(conf.resolve("managed-schema.xml"), schemaXml()));
        out.add(writeFile(conf.resolve("solrconfig.xml"), solrconfigXml()));
        out.add(writeFile(conf.resolve(Schema.STOPWORDS_FILE), stopwords()));
        return out;
    }

    private static Path writeFile(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** The English stop words {@link Schema.SpeechAnalyzer} removes, one a line, sorted. */
    static String stopwords() {
        TreeSet<String> words = new TreeSet<>();
        EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.forEach(w -> words.add(new String((char[]) w)));
        return "# English stop words, as Verbatim's speech analysis removes them\n" + String.join("\n", words) + "\n";
    }

    private static List<FieldDef> fields() {
        List<FieldDef> f = new ArrayList<>();
        // Every document
        f.add(new FieldDef("id", "string", true, true, false, false));
        f.add(new FieldDef(Schema.TYPE, "string", true, false, false, false));
        f.add(new FieldDef(Schema.QUESTION, "text_speech", true, true, false, false));
        f.add(new FieldDef(Schema.ANSWER, "text_speech", true, true, false, false));
        // Pairs
        f.add(new FieldDef(Schema.INTERVIEW_ID, "string", true, true, false, true));
        f.add(new FieldDef(Schema.SOURCE, "string", true, true, false, false));
        f.add(new FieldDef(Schema.PAIR_INDEX, "pint", true, true, false, true));
        f.add(new FieldDef(Schema.QUESTION_PHRASES, "string", true, false, true, false));
        f.add(new FieldDef(Schema.ANSWER_PHRASES, "string", true, false, true, false));
        f.add(new FieldDef(Schema.QUESTION_SPEAKER, "string", false, true, false, false));
        f.add(new FieldDef(Schema.SPEAKER, "text_names", true, true, false, false));
        f.add(new FieldDef(Schema.SPEAKER_KEY, "string", false, false, false, true));
        f.add(new FieldDef(Schema.CANDIDATE_TEXT, "text_names", true, false, true, false));
        f.add(new FieldDef(Schema.SKILL, "string", true, true, true, false));
        f.add(new FieldDef(Schema.QUESTION_GROUP, "string", true, true, false, false));
        f.add(new FieldDef(Schema.QUESTION_VECTOR, "question_vector", true, false, false, false));
        for (int i = 0; i < org.verbatim.enrich.AnswerPassages.MAX; i++) {
            // Answer passages share the question vectors' type: the same model, dimensions and similarity.
            f.add(new FieldDef(Schema.answerVectorField(i), "question_vector", true, false, false, false));
        }
        f.add(new FieldDef(Schema.START, "pdouble", false, true, false, false));
        f.add(new FieldDef(Schema.END, "pdouble", false, true, false, false));
        // Interviews
        f.add(new FieldDef(Schema.INTERVIEW_JSON, "string", false, true, false, false));
        f.add(new FieldDef(Schema.HASH, "string", true, true, false, false));
        f.add(new FieldDef(Schema.DATE, "plong", true, true, false, true));
        f.add(new FieldDef(Schema.TITLE, "string", false, true, false, false));
        f.add(new FieldDef(Schema.CANDIDATES, "string", false, true, true, false));
        f.add(new FieldDef(Schema.INTERVIEWERS, "string", false, true, true, false));
        f.add(new FieldDef(Schema.ROLE, "string", false, true, false, false));
        f.add(new FieldDef(Schema.TAGS, "string", false, true, true, false));
        f.add(new FieldDef(Schema.OUTCOME, "string", false, true, false, false));
        f.add(new FieldDef(Schema.RECORDING, "string", false, true, false, false));
        f.add(new FieldDef(Schema.FORMAT, "string", false, true, false, false));
        f.add(new FieldDef(Schema.PAIR_COUNT, "pint", false, true, false, false));
        f.add(new FieldDef(Schema.SKILLS, "string", false, true, true, false));
        f.add(new FieldDef(Schema.SKILL_PAIRS, "pint", false, true, true, false));
        f.add(new FieldDef(Schema.WORDS, "text_names", true, false, true, false));
        f.add(new FieldDef(Schema.INTERVIEW_ID_SORT, "string", false, false, false, true));
        for (String dim : Schema.FACETS) {
            f.add(new FieldDef(FACET_FIELD_PREFIX + dim, "string", true, false, true, true));
        }
        // Question groups
        f.add(new FieldDef(Schema.GROUP_ID, "string", true, true, false, false));
        f.add(new FieldDef(Schema.GROUP_LABEL, "string", false, true, false, false));
        f.add(new FieldDef(Schema.GROUP_JSON, "string", false, true, false, false));
        f.add(new FieldDef(Schema.GROUP_ORDER, "plong", false, false, false, true));
        return f;
    }

    static String schemaXml() {
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<!-- Written by 'verbatim solr configset' from Verbatim's Schema; regenerate rather than edit. -->\n");
        x.append("<schema name=\"verbatim\" version=\"1.6\">\n");
        x.append("  <uniqueKey>id</uniqueKey>\n");
        x.append("  <!-- interviews are parent documents, their pairs nested children -->\n");
        x.append("  <field name=\"_root_\" type=\"string\" indexed=\"true\" stored=\"false\" docValues=\"false\"/>\n");
        x.append("  <field name=\"_nest_path_\" type=\"_nest_path_\"/>\n");
        x.append("  <field name=\"_version_\" type=\"plong\" indexed=\"false\" stored=\"false\" docValues=\"true\"/>\n");
        for (FieldDef f : fields()) {
            x.append(String.format(java.util.Locale.ROOT,
                    "  <field name=\"%s\" type=\"%s\" indexed=\"%s\" stored=\"%s\" multiValued=\"%s\" docValues=\"%s\"%s/>%n",
                    f.name(), f.type(), f.indexed(), f.stored(), f.multiValued(), f.docValues(),
                    f.type().equals("text_speech") ? " storeOffsetsWithPositions=\"true\"" : ""));
        }
        x.append("  <fieldType name=\"string\" class=\"solr.StrField\" sortMissingLast=\"true\"/>\n");
        x.append("  <fieldType name=\"pint\" class=\"solr.IntPointField\"/>\n");
        x.append("  <fieldType name=\"plong\" class=\"solr.LongPointField\"/>\n");
        x.append("  <fieldType name=\"pdouble\" class=\"solr.DoublePointField\"/>\n");
        x.append("  <fieldType name=\"_nest_path_\" class=\"solr.NestPathField\"/>\n");
        x.append("  <fieldType name=\"question_vector\" class=\"solr.DenseVectorField\" vectorDimension=\"384\""
                + " similarityFunction=\"dot_product\"/>\n");
        fieldType(x, "text_speech", Schema.speechChain());
        fieldType(x, "text_names", Schema.nameChain());
        x.append("</schema>\n");
        return x.toString();
    }

    private static void fieldType(StringBuilder x, String name, List<Schema.AnalysisStep> chain) {
        x.append("  <fieldType name=\"").append(name).append("\" class=\"solr.TextField\" positionIncrementGap=\"100\">\n");
        x.append("    <analyzer>\n");
        for (Schema.AnalysisStep step : chain) {
            x.append("      <").append(step.kind()).append(" name=\"").append(step.name()).append('"');
            for (Map.Entry<String, String> p : new java.util.TreeMap<>(step.params()).entrySet()) {
                x.append(' ').append(p.getKey()).append("=\"").append(p.getValue()).append('"');
            }
            x.append("/>\n");
        }
        x.append("    </analyzer>\n");
        x.append("  </fieldType>\n");
    }

    static String solrconfigXml() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by 'verbatim solr configset'; regenerate rather than edit. -->
                <config>
                  <luceneMatchVersion>%s</luceneMatchVersion>
                  <!-- Verbatim's analysis factories (verbatimTechTerm, verbatimTechTermKeyword), from its jar -->
                  <lib dir="${verbatim.lib.dir:lib}" regex="verbatim.*\\.jar"/>
                  <dataDir>${solr.data.dir:}</dataDir>
                  <schemaFactory class="ClassicIndexSchemaFactory"/>
                  <updateHandler class="solr.DirectUpdateHandler2">
                    <updateLog><str name="dir">${solr.ulog.dir:}</str></updateLog>
                    <!-- Verbatim commits at the end of a batch and every 15 s, as the embedded index does -->
                    <autoCommit><maxTime>15000</maxTime><openSearcher>false</openSearcher></autoCommit>
                    <autoSoftCommit><maxTime>1000</maxTime></autoSoftCommit>
                  </updateHandler>
                  <query>
                    <filterCache size="512" initialSize="512" autowarmCount="0"/>
                    <queryResultCache size="512" initialSize="512" autowarmCount="0"/>
                    <documentCache size="512" initialSize="512" autowarmCount="0"/>
                  </query>
                  <requestHandler name="/select" class="solr.SearchHandler">
                    <lst name="defaults"><str name="echoParams">none</str><int name="rows">10</int></lst>
                  </requestHandler>
                </config>
                """.formatted(LUCENE_MATCH_VERSION);
    }
}
