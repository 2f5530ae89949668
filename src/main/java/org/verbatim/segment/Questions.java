package org.verbatim.segment;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Small, separately testable judgements about whether some words ask something.
 */
public final class Questions {

    /** A name said to the listener before the ask: "So, Carolyn, tell us...". */
    private static final String VOCATIVE = "(?:(?-i:\\p{Lu}\\p{Ll}+)(?: (?-i:\\p{Lu}\\p{Ll}+))?,\\s+)?";
    /** Imperative prompts at the start of a sentence: "So, tell me about...", "Walk me through...". */
    private static final Pattern IMPERATIVE = Pattern.compile(
            "(?i)^(?:(?:so|and|now|okay|ok|alright|all right|great|well|then|next|please|maybe|first|finally)[,.]?\\s+)*"
                    + VOCATIVE
                    + "(?:tell (?:me|us)|walk (?:me|us) through|talk (?:me|us) through|describe|explain|talk (?:a (?:little|bit) )?about|"
                    + "give (?:me|us) an example|share (?:with (?:me|us) )?(?:a|an|some|your)|let'?s (?:talk|discuss|dive|move)|introduce yourself)\\b");
    /** Statements that ask anywhere in a sentence: "I'm curious how...", "I'd love to hear about...". */
    private static final Pattern CURIOUS = Pattern.compile(
            "(?i)\\b(?:i'?m (?:curious|wondering)|i wonder|i'?d (?:love|like) to (?:hear|know|understand)|"
                    + "(?:do|would) you (?:want|like|mind) to introduce|(?:want|like) you to (?:tell|walk|describe|explain|talk))\\b");
    /** Questions transcribed without their question mark: "So how did you get started in games." */
    private static final Pattern INTERROGATIVE = Pattern.compile(
            "(?i)^(?:(?:so|and|but|okay|ok|alright|well|now|then|also|great|awesome|cool|right|yeah|and so)[,.]?\\s+)*"
                    + VOCATIVE + "(?:how|what|why|when|where|which|who|whom|whose|"
                    + "(?:did|do|does|can|could|would|will|should|have|has|had|is|are|was|were) (?:you|it|that|this|there|they|we|he|she|your|the|any))\\b");

    /** Questions tacked onto statements that do not ask for an answer. */
    private static final Pattern TAG = Pattern.compile(
            "(?i)(?:^|[\\s,])(?:right|you know|okay|ok|yeah|huh|no|isn'?t it|aren'?t they|don'?t you think|you see|"
                    + "does that make sense|make sense|if that makes sense|know what i mean|you know what i mean|"
                    + "am i right|correct|see what i mean|is that right)\\s*\\?\\s*$");

    private Questions() {
    }

    /** True when the text ends by asking: its last sentence is a real question or a prompt. */
    public static boolean asks(String text) {
        return asks(text, false);
    }

    /**
     * Like {@link #asks(String)}, and also counts sentences shaped as questions without a question mark,
     * which speech-to-text often drops. Only for turns already known to be the interviewer's.
     */
    public static boolean asksLoosely(String text) {
        return asks(text, true);
    }

    private static boolean asks(String text, boolean loose) {
        List<String> sentences = Sentences.split(text);
        if (sentences.isEmpty()) {
            return false;
        }
        int n = sentences.size();
        // The ask is at the end of a turn, sometimes followed by a short "please" or a name.
        for (int i = n - 1; i >= Math.max(0, n - 2); i--) {
            String s = sentences.get(i);
            if (isQuestionSentence(s) || isPrompt(s) || loose && isInterrogative(s)) {
                return true;
            }
        }
        return false;
    }

    /** A sentence ending in '?' that is not a tag on a statement ("..., right?"). */
    public static boolean isQuestionSentence(String sentence) {
        String s = sentence.strip();
        if (!s.endsWith("?")) {
            return false;
        }
        if (TAG.matcher(s).find() && wordCount(s) > 6) {
            return false;
        }
        return wordCount(s) >= 2 || s.length() > 3;
    }

    /** A sentence shaped as a question ("How did you start.") even without its question mark. */
    public static boolean isInterrogative(String sentence) {
        String s = sentence.strip();
        return wordCount(s) >= 4 && !s.endsWith("!") && INTERROGATIVE.matcher(s).find();
    }

    /** A sentence that asks without a question mark ("Tell me about...", "I'm curious how..."). */
    public static boolean isPrompt(String sentence) {
        String s = sentence.strip();
        return IMPERATIVE.matcher(s).find() || CURIOUS.matcher(s).find();
    }

    public static int wordCount(String s) {
        String t = s.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
