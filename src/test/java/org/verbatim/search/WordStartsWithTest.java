package org.verbatim.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Completion by word start, scanned in place, against lower-casing the name and splitting it into words. */
class WordStartsWithTest {

    /** The definition: the lower-cased value starts with the prefix, or one of its words does. */
    private static boolean bySplitting(String value, String prefix) {
        String v = value.toLowerCase(Locale.ROOT);
        if (v.startsWith(prefix)) {
            return true;
        }
        for (String w : v.split("[\\s\\-.,]+")) {
            if (w.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void examples() {
        assertTrue(Suggestions.wordStartsWith("Anna Lee-Smith", "smi"));
        assertTrue(Suggestions.wordStartsWith("Anna Lee-Smith", "anna l"));
        assertTrue(Suggestions.wordStartsWith("J.R. Tolkien", "r"));
        assertFalse(Suggestions.wordStartsWith("Anna Lee-Smith", "nna"));
        assertFalse(Suggestions.wordStartsWith("Anna Lee-Smith", "lee s"));
        assertFalse(Suggestions.wordStartsWith("Lee", "lee-"));
    }

    @Test
    void agreesWithSplittingOnRandomNamesAndPrefixes() {
        Random random = new Random(42);
        String alphabet = "aAbBéÉzZ -.,\t\n";
        int matches = 0;
        for (int i = 0; i < 200_000; i++) {
            String value = random(random, alphabet, random.nextInt(12));
            String prefix = random(random, alphabet, 1 + random.nextInt(3)).toLowerCase(Locale.ROOT);
            boolean expected = bySplitting(value, prefix);
            assertEquals(expected, Suggestions.wordStartsWith(value, prefix), "'" + value + "' / '" + prefix + "'");
            matches += expected ? 1 : 0;
        }
        assertTrue(matches > 10_000, matches + " matches");
    }

    private static String random(Random random, String alphabet, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
