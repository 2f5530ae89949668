package org.verbatim.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The words Verbatim uses to compare interview questions, shipped as data ({@code questions/lexicon.json}):
 * fillers removed before comparing, lead-in words dropped from the start of a sentence, and contrasts
 * (give / receive feedback, strength / weakness, join / leave) that make two otherwise alike questions
 * different. Immutable and thread-safe.
 */
public final class QuestionLexicon {

    public static final String BUILT_IN = "questions/lexicon.json";

    private final Pattern fillers;
    private final Pattern leadIns;
    /** contrasts[set][alternative] = phrases, each padded with spaces for whole-word matching */
    private final List<List<List<String>>> contrasts;
    private final List<Pattern> callTalk;

    private QuestionLexicon(List<String> fillers, List<String> leadIns, List<List<List<String>>> contrasts, List<Pattern> callTalk) {
        this.callTalk = callTalk;
        this.fillers = Pattern.compile("(?i)(?<![\\p{L}'])(?:" + alternation(fillers) + ")(?![\\p{L}'])[,]?");
        this.leadIns = Pattern.compile("(?i)^(?:(?:" + alternation(leadIns) + ")[,.!]?\\s+)+");
        this.contrasts = contrasts;
    }

    public static QuestionLexicon builtIn() {
        try (InputStream in = QuestionLexicon.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException(BUILT_IN + " is missing from the jar");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<List<List<String>>> contrasts = new ArrayList<>();
            for (JsonNode set : root.path("contrasts")) {
                List<List<String>> alternatives = new ArrayList<>();
                for (JsonNode alt : set) {
                    List<String> words = new ArrayList<>();
                    alt.forEach(w -> words.add(" " + w.asText().toLowerCase(Locale.ROOT) + " "));
                    alternatives.add(words);
                }
                contrasts.add(alternatives);
            }
            List<Pattern> callTalk = new ArrayList<>();
            for (JsonNode p : root.path("callTalk")) {
                callTalk.add(Pattern.compile("(?i)" + p.asText()));
            }
            return new QuestionLexicon(strings(root.path("fillers")), strings(root.path("leadIns")), contrasts, callTalk);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + BUILT_IN, e);
        }
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        // Longest first, so that "you know" is removed before "you".
        out.sort((a, b) -> b.length() - a.length());
        return out;
    }

    private static String alternation(List<String> words) {
        List<String> quoted = new ArrayList<>();
        for (String w : words) {
            quoted.add(Pattern.quote(w).replace(" ", "\\E\\s+\\Q"));
        }
        return String.join("|", quoted);
    }

    String removeFillers(String text) {
        return fillers.matcher(text).replaceAll("");
    }

    /**
     * True when a sentence is about the conversation itself rather than the candidate: permission and
     * offers ("Do you mind if I take notes?", "Shall we get started?"), checks on the line ("Can you
     * hear me?", "Am I on mute?"), requests to repeat.
     */
    boolean aboutTheCall(String sentence) {
        for (Pattern p : callTalk) {
            if (p.matcher(sentence).find()) {
                return true;
            }
        }
        return false;
    }

    /** True when the word is one of the lead-ins ("So", "Great"), not a name. */
    boolean isLeadIn(String word) {
        return leadIns.matcher(word + " ").lookingAt();
    }

    String removeLeadIn(String sentence) {
        return leadIns.matcher(sentence).replaceFirst("");
    }

    /**
     * True when the two texts (lower-cased, padded with spaces) take different alternatives of a
     * contrast: one says "give", the other "receive", and neither says both.
     */
    boolean contrasting(String a, String b) {
        for (List<List<String>> set : contrasts) {
            int ia = alternative(set, a);
            int ib = alternative(set, b);
            if (ia >= 0 && ib >= 0 && ia != ib) {
                return true;
            }
        }
        return false;
    }

    /** The single alternative of the set the text uses, -1 when it uses none or several. */
    private static int alternative(List<List<String>> set, String text) {
        int found = -1;
        for (int i = 0; i < set.size(); i++) {
            for (String w : set.get(i)) {
                if (text.contains(w)) {
                    if (found >= 0 && found != i) {
                        return -1;
                    }
                    found = i;
                    break;
                }
            }
        }
        return found;
    }
}
