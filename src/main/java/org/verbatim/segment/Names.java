package org.verbatim.segment;

import java.text.Normalizer;
import java.util.Locale;

/** Whether two ways of writing a person's name mean the same person ("Jonas" and "Jonas Rosland"). */
public final class Names {

    private Names() {
    }

    public static boolean same(String a, String b) {
        String[] x = tokens(a);
        String[] y = tokens(b);
        if (x.length == 0 || y.length == 0) {
            return false;
        }
        if (String.join(" ", x).equals(String.join(" ", y))) {
            return true;
        }
        if (!x[0].equals(y[0])) {
            return false;
        }
        // "Jonas" names "Jonas Rosland"; "Rich W McGrath" names "Rich McGrath".
        return x.length == 1 || y.length == 1 || x[x.length - 1].equals(y[y.length - 1]);
    }

    private static String[] tokens(String name) {
        if (name == null) {
            return new String[0];
        }
        String n = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("\\([^)]*\\)", " ")
                .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} ]", " ").strip();
        return n.isEmpty() ? new String[0] : n.split("\\s+");
    }
}
