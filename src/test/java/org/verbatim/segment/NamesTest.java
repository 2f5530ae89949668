package org.verbatim.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamesTest {

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "Jonas|Jonas Rosland|true",
        "Jonas Rosland|jonas rosland|true",
        "Rich W McGrath|Rich McGrath|true",
        "José Núñez|Jose Nunez|true",
        "MS. SMITH|Ms. Smith|true",
        "Alice (host)|Alice|true",
        "Jane Roe|Jane Doe|false",
        "Jane Roe|John Roe|false",
        "Roe|Jane Roe|false",
        "NULL|Jane Roe|false",
        "...|Jane Roe|false",
    })
    void namesMatchWhenOneNamesTheSamePerson(String a, String b, boolean expected) {
        assertEquals(expected, Names.same(a, b));
        assertEquals(expected, Names.same(b, a), "symmetric");
    }
}
