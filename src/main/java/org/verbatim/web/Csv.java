package org.verbatim.web;

import java.util.List;
import org.verbatim.search.CompareResult;

/**
 * CSV for spreadsheets. Cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or
 * carriage return) are prefixed with an apostrophe, since transcript text is untrusted.
 */
final class Csv {

    private Csv() {
    }

    static String compare(CompareResult r) {
        StringBuilder sb = new StringBuilder();
        row(sb, List.of("question_id", "question", "interview_id", "title", "candidates", "role", "date", "speaker", "pair",
                "start_seconds", "question_asked", "answer"));
        for (CompareResult.Answer a : r.answers()) {
            var iv = a.interview();
            row(sb, List.of(r.question().id(), r.question().label(), iv.id(), iv.title(), String.join("; ", iv.candidates()),
                    nz(iv.role()), nz(iv.date()), nz(a.speaker()), Integer.toString(a.pair()),
                    a.start() == null ? "" : String.format(java.util.Locale.ROOT, "%.1f", a.start()), a.questionAsked(), a.answer()));
        }
        return sb.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static void row(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(cell(cells.get(i)));
        }
        sb.append("\r\n");
    }

    static String cell(String raw) {
        String v = raw == null ? "" : raw;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
