package org.verbatim.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MetadataFieldsTest {

    @Test
    void keysAreCaseInsensitiveAndSynonymsAreAccepted() throws Exception {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("Interview_ID", "abc-1");
        raw.put("Name", "Loop 3");
        raw.put("Interviewee", "Kim Ode");
        raw.put("INTERVIEWER", List.of("Lu Han", "Mo Farr"));
        raw.put("position", "Analyst");
        raw.put("interview_date", "19 Nov 2020");
        raw.put("labels", "sql; python ;");
        raw.put("decision", "reject");
        raw.put("source_url", "https://example.org/x");

        Metadata m = MetadataFields.fromMap(raw);

        assertEquals(new Metadata("abc-1", "Loop 3", List.of("Kim Ode"), List.of("Lu Han", "Mo Farr"), "Analyst",
                LocalDate.of(2020, 11, 19), List.of("sql", "python"), "reject"), m);
    }

    @Test
    void nullValuesLeaveFieldsAbsent() throws Exception {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("title", null);
        raw.put("tags", null);

        assertEquals(Metadata.EMPTY, MetadataFields.fromMap(raw));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2020-11-19|2020-11-19",
        "2020-11-19T10:30:00Z|2020-11-19",
        "November 19, 2020|2020-11-19",
        "Nov 19, 2020|2020-11-19",
        "19 November 2020|2020-11-19",
        "19 Nov 2020|2020-11-19",
        "2020/11/19|2020-11-19",
        "November 19th, 2020|2020-11-19",
        "March 2nd, 2022|2022-03-02",
    })
    void datesAreReadInTheFormsPeopleWrite(String written, String iso) {
        assertEquals(LocalDate.parse(iso), MetadataFields.parseDate(written));
    }

    @ParameterizedTest
    @ValueSource(strings = {"next Tuesday", "2020-02-30", "19/11/2020", "2020"})
    void textThatIsNotADateParsesToNull(String written) {
        assertNull(MetadataFields.parseDate(written));
    }

    @Test
    void dateFieldThatIsNotADateNamesFieldAndValue() {
        UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> MetadataFields.date(" soon ", "interview_date"));

        assertEquals("metadata field 'interview_date' is not a date: 'soon' (write it as YYYY-MM-DD)", e.getMessage());
    }

    @Test
    void nameRoleTagOrIdTooLongToBeAFacetLabelNamesFieldAndLimit() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("Tags", List.of("backend", "x".repeat(201)));

        UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> MetadataFields.fromMap(raw));

        assertEquals("metadata field 'Tags' is 201 characters long, over the limit of 200 for names, roles, tags and ids", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2024-03-05-foo.txt|2024-03-05",
        "call_20201119.vtt|2020-11-19",
        "interview 2021.03.31 final.md|2021-03-31",
        "v2-1999_12_31.srt|1999-12-31",
    })
    void dateInFileNameIsFound(String name, String iso) {
        assertEquals(LocalDate.parse(iso), MetadataFields.dateInFileName(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"notes.txt", "2024-13-05-foo.txt", "build-12345678.txt", "v2.0-notes.txt"})
    void fileNameWithoutARealDateGivesNull(String name) {
        assertNull(MetadataFields.dateInFileName(name));
    }
}
