package org.verbatim.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.verbatim.segment.Questions;
import org.verbatim.segment.Sentences;

/**
 * The part of an interviewer's turn that asks, cleaned for comparison: remarks before the question
 * ("That sounds great.") and speech noise ("um", "you know", "so, like") are removed, the last asking
 * sentences are kept, and the text is lower-cased. Pure and thread-safe.
 */
public final class QuestionText {

    /** Words kept from the end of a long question. */
    static final int MAX_WORDS = 40;

    private final QuestionLexicon lexicon;

    public QuestionText(QuestionLexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** The core of a question: its wording lower-cased without punctuation noise; empty when there are no words. */
    public String core(String question) {
        return coreOf(wording(question));
    }

    private static final java.util.regex.Pattern REQUEST = java.util.regex.Pattern.compile(
            "^(?:(?:can|could|would|will) you (?:please )?|please |i'?d (?:like|love) (?:you )?to |let'?s |i want to |"
                    + "do you want to |i wanted to )?(?:tell (?:me|us)|walk (?:me|us) through|talk (?:me|us) through|"
                    + "describe|explain|share|give (?:me|us) an example of|talk about|hear about|ask you about)"
                    + "(?: (?:a (?:bit|little)|more))?(?: about)?\\s+");

    /**
     * What a question asks, without the request around it: "tell me about a hard project" becomes "a hard
     * project", so that wordings are compared on their subject.
     */
    static String essence(String core) {
        String e = REQUEST.matcher(core).replaceFirst("");
        return e.isBlank() ? core : e;
    }

    static String coreOf(String wording) {
        String[] words = wording.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}'’?+#./ -]", " ")
                .replaceAll("\\s+", " ").strip().split(" ");
        int from = Math.max(0, words.length - MAX_WORDS);
        return String.join(" ", java.util.Arrays.copyOfRange(words, from, words.length)).strip();
    }

    /**
     * The question as a reader would quote it: the asking sentences at the end of the turn, without
     * remarks, lead-ins or fillers, first letter capitalised ("How do you test your code?").
     */
    public String wording(String question) {
        if (question == null || question.isBlank()) {
            return "";
        }
        String text = lexicon.removeFillers(question.replace('\n', ' '));
        List<String> sentences = Sentences.split(text);
        int last = -1;
        for (int i = sentences.size() - 1; i >= 0; i--) {
            String s = sentences.get(i);
            if (Questions.isQuestionSentence(s) || Questions.isPrompt(s) || Questions.isInterrogative(s)) {
                last = i;
                break;
            }
        }
        List<String> kept = new ArrayList<>();
        if (last < 0) {
            kept.add(sentences.isEmpty() ? text : sentences.get(sentences.size() - 1));
        } else {
            // The run of asking sentences that ends the turn: "How do you test? And who reviews it?"
            int first = last;
            while (first > 0 && asks(sentences.get(first - 1))) {
                first--;
            }
            kept.addAll(sentences.subList(first, last + 1));
        }
        StringBuilder sb = new StringBuilder();
        for (String s : kept) {
            String clean = lexicon.removeLeadIn(s.strip()).replaceAll("^[,;:\\s]+", "");
            if (clean.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(clean);
        }
        String w = sb.toString().replaceAll("\\s+", " ").replaceAll(" ([,?.!])", "$1").strip();
        return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private static boolean asks(String s) {
        return Questions.isQuestionSentence(s) || Questions.isPrompt(s) || Questions.isInterrogative(s);
    }

    public QuestionLexicon lexicon() {
        return lexicon;
    }
}
