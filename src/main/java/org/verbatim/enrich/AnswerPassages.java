package org.verbatim.enrich;

import java.util.ArrayList;
import java.util.List;
import org.verbatim.segment.Sentences;

/**
 * An answer cut into passages for meaning search: whole sentences, about {@link #WORDS} words each, so that
 * a long answer about several things gives one vector per thing rather than one blurred vector. An answer
 * is never cut into more than {@link #MAX} passages: a longer one gets longer passages.
 */
public final class AnswerPassages {

    /** Words a passage aims at: sentence models are trained on passages about this long. */
    public static final int WORDS = 80;
    /** Passages per answer at most; the index has one vector field for each. */
    public static final int MAX = 4;

    private AnswerPassages() {
    }

    /** The passages of {@code answer}, in order; none for a blank answer. */
    public static List<String> of(String answer) {
        if (answer == null || answer.isBlank()) {
            return List.of();
        }
        List<String> sentences = Sentences.split(answer.replaceAll("\\s*\\n\\s*", " "));
        if (sentences.isEmpty()) {
            sentences = List.of(answer.strip());
        }
        sentences = unpunctuatedCut(sentences);
        int total = 0;
        for (String s : sentences) {
            total += words(s);
        }
        int passages = Math.max(1, Math.min(MAX, Math.round(total / (float) WORDS)));
        int target = (int) Math.ceil(total / (double) passages);
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int inCurrent = 0;
        for (String s : sentences) {
            int n = words(s);
            boolean full = inCurrent > 0 && inCurrent + n / 2 > target && out.size() < passages - 1;
            if (full) {
                out.add(current.toString());
                current.setLength(0);
                inCurrent = 0;
            }
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(s.strip());
            inCurrent += n;
        }
        if (current.length() > 0) {
            out.add(current.toString());
        }
        return out;
    }

    /** Speech-to-text without punctuation is one endless "sentence": cut such runs every {@link #WORDS} words. */
    private static List<String> unpunctuatedCut(List<String> sentences) {
        List<String> out = new ArrayList<>();
        for (String s : sentences) {
            String[] w = s.strip().split("\\s+");
            if (w.length <= 2 * WORDS) {
                out.add(s);
                continue;
            }
            for (int i = 0; i < w.length; i += WORDS) {
                out.add(String.join(" ", java.util.Arrays.copyOfRange(w, i, Math.min(w.length, i + WORDS))));
            }
        }
        return out;
    }

    private static int words(String s) {
        String t = s.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}
