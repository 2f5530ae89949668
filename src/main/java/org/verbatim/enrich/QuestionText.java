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
            kept.add(sentences.isEmpty() ? text : lastWithContent(sentences));
        } else {
            // The run of asking sentences that ends the turn: "How do you test? And who reviews it?"
            int first = last;
            while (first > 0 && asks(sentences.get(first - 1))) {
                first--;
            }
            for (int i = first; i <= last; i++) {
                // "Tom?" handing over to a panellist, or "Right?" before the real question, asks nothing.
                if (i == last || QuestionMatcher.terms(sentences.get(i)).size() > 1
                        || Questions.isInterrogative(sentences.get(i))) {
                    kept.add(sentences.get(i));
                }
            }
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

    /**
     * The last sentence that says something, for a turn that asks nowhere: the start of the answer
     * often spills into the interviewer's paragraph ("Yeah, so"), and it is not the question.
     */
    private static String lastWithContent(List<String> sentences) {
        for (int i = sentences.size() - 1; i >= 0; i--) {
            if (QuestionMatcher.terms(sentences.get(i)).size() > 1) {
                return sentences.get(i);
            }
        }
        return sentences.get(sentences.size() - 1);
    }

    private static boolean asks(String s) {
        return Questions.isQuestionSentence(s) || Questions.isPrompt(s) || Questions.isInterrogative(s);
    }

    /**
     * Words that, alone, do not make an interview question: backchannels ("Right?", "Really?"), checks
     * on the call ("Can you hear me?", "Does that make sense?") and prompts to go on ("What do you
     * think?", "How so?"). Stemmed as {@link QuestionMatcher#terms} stems.
     */
    private static final java.util.Set<String> EMPTY = new java.util.HashSet<>(QuestionMatcher.terms(
            "think thought mean meant sure sense make makes okay right correct true wrong really sorry pardon hear heard "
                    + "see seen mute muted unmuted screen audio video sound camera connection started start ready minute second "
                    + "moment else anything everything something somewhere anyone way good great fine clear happened happen "
                    + "happens said saying else then that this those these one ones yeah yes no huh hmm eh oh wow cool interesting "
                    + "follow following go going went gone continue sorry excuse"));

    private static final java.util.regex.Pattern TAG_QUESTION = java.util.regex.Pattern.compile(
            "(?i)[,;]\\s*(?:right|no|yeah|yes|okay|ok|huh|eh|correct|true|isn'?t it|aren'?t they|aren'?t you|wasn'?t it|weren'?t they|"
                    + "don'?t you|didn'?t you|doesn'?t it|didn'?t it|isn'?t that|wasn'?t that|won'?t it|wouldn'?t it|haven'?t you|"
                    + "hasn'?t it|can'?t you|couldn'?t you|is that right|am i right|is that fair|would you say|you think|"
                    + "don'?t you think|you know|if that makes sense|does that make sense)\\s*\\?+\\s*$");

    private static final java.util.regex.Pattern ADDRESSES_LISTENER = java.util.regex.Pattern.compile(
            "(?i)\\b(?:you|your|yours|yourself)\\b");

    /** Words after the question that, said by the asker and not addressed to the listener, answer it. */
    static final int RHETORICAL_TAIL_WORDS = 10;

    /**
     * True when a turn ends by asking but asks nothing whose answers anyone would compare: a
     * backchannel or a check on the call (no content word but empty ones), a word or two ("Why?",
     * "Which one?"), a tag on a statement ("So it was mostly Java, right?"), or a question the speaker
     * answers at once ("And why does that matter? Because the cache is cold...").
     *
     * @param terms the content words of the wording ({@link QuestionMatcher#terms})
     */
    boolean notAQuestion(String question, String wording, List<String> terms, boolean catalogued) {
        int content = 0;
        for (String t : terms) {
            if (!EMPTY.contains(t)) {
                content++;
            }
        }
        if (content == 0 || !catalogued && content == 1 && Questions.wordCount(wording) <= 2) {
            return true;
        }
        List<String> sentences = Sentences.split(wording);
        String last = sentences.isEmpty() ? wording : sentences.get(sentences.size() - 1);
        if (TAG_QUESTION.matcher(last).find() || NEGATIVE_TAG.matcher(last).find()
                || BARE_TAG.matcher(last).find() && !Questions.isInterrogative(last + " x x x")) {
            return true;
        }
        return lexicon.aboutTheCall(last) || rhetorical(question);
    }

    /** "..., weren't you?", "..., didn't it?": a statement asking to be confirmed. */
    private static final java.util.regex.Pattern NEGATIVE_TAG = java.util.regex.Pattern.compile(
            "(?i),\\s*(?:is|are|was|were|do|does|did|have|has|had|can|could|will|wo|would|should|must)n['’]?t "
                    + "(?:it|you|they|he|she|we|that|there|i)\\s*\\?*\\s*$");

    /** "so that was the whole migration right": a tag without its comma, as speech-to-text writes it. */
    private static final java.util.regex.Pattern BARE_TAG = java.util.regex.Pattern.compile(
            "(?i)\\s(?:right|yeah|correct|no)\\s*\\?*\\s*$");

    /** The turn goes on after its last question with a statement of its own, not addressed to the listener. */
    private boolean rhetorical(String question) {
        List<String> sentences = Sentences.split(lexicon.removeFillers(question.replace('\n', ' ')));
        int last = -1;
        for (int i = sentences.size() - 1; i >= 0; i--) {
            if (sentences.get(i).strip().endsWith("?")) {
                last = i;
                break;
            }
        }
        if (last < 0 || last == sentences.size() - 1) {
            return false;
        }
        String tail = String.join(" ", sentences.subList(last + 1, sentences.size()));
        return Questions.wordCount(tail) >= RHETORICAL_TAIL_WORDS && !ADDRESSES_LISTENER.matcher(tail).find()
                && !Questions.isPrompt(tail);
    }

    private static final java.util.regex.Pattern VOCATIVE = java.util.regex.Pattern.compile(
            "^(\\p{Lu}[\\p{Ll}'’-]+)(?: \\p{Lu}[\\p{Ll}'’-]+)?,\\s+");

    private static final java.util.regex.Pattern NAME_AT_END = java.util.regex.Pattern.compile(
            ",\\s*\\p{Lu}[\\p{Ll}'’-]+\\s*\\?\\s*$");

    /** The wording as it is embedded: without the name it is addressed to ("Priya, why ...", "..., Tom?"). */
    String forEmbedding(String wording) {
        return withoutVocative(wording);
    }

    /** The wording without the name it is addressed to ("Priya, why ...", "... to join us, Tom?"). */
    static String withoutVocative(String wording) {
        java.util.regex.Matcher m = VOCATIVE.matcher(wording);
        String w = wording;
        if (m.find() && !BuiltIn.LEXICON.isLeadIn(m.group(1)) && !isKnownTerm(m.group(1))) {
            w = w.substring(m.end());
            w = w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
        }
        return NAME_AT_END.matcher(w).replaceFirst("?");
    }

    private static final class BuiltIn {
        static final QuestionLexicon LEXICON = QuestionLexicon.builtIn();
        static final java.util.Set<String> SKILL_FORMS = skillForms();

        private static java.util.Set<String> skillForms() {
            java.util.Set<String> out = new java.util.HashSet<>();
            try {
                for (Skill s : SkillVocabulary.load(null).skills()) {
                    for (String f : s.forms()) {
                        out.add(f.toLowerCase(Locale.ROOT));
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read the built-in skill vocabulary", e);
            }
            return out;
        }
    }

    /** A skill name or alias ("Kafka", "Python"): capitalised, but not a name to remove. */
    private static boolean isKnownTerm(String word) {
        return BuiltIn.SKILL_FORMS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static final java.util.regex.Pattern NAME_RUN = java.util.regex.Pattern.compile(
            "(?<=[\\p{L}\\p{N},;:'’)]\\s)\\p{Lu}[\\p{L}'’&.-]*(?:\\s+\\p{Lu}[\\p{L}'’&.-]*)*");

    /**
     * The wording without the names in it: the addressee dropped, and other capitalised words inside a
     * sentence (a company, a person; not "I", acronyms or skill names) replaced by a neutral phrase:
     * "Why are you leaving Quillpad?" becomes "Why are you leaving this company?".
     */
    public static String withoutNames(String wording) {
        String w = withoutVocative(wording);
        java.util.regex.Matcher m = NAME_RUN.matcher(w);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String run = m.group();
            boolean name = false;
            for (String word : run.split("\\s+")) {
                String bare = word.replaceAll("['’]s$|[.,]$", "");
                if (!bare.equals("I") && !bare.startsWith("I'") && !bare.startsWith("I’") && !isKnownTerm(bare)
                        && !bare.equals(bare.toUpperCase(Locale.ROOT))) {
                    name = true;
                }
            }
            String tail = run.endsWith("'s") || run.endsWith("’s") ? "'s" : "";
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(name ? neutralFor(w, m.start()) + tail : run));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static final java.util.regex.Pattern PLACE_WORD = java.util.regex.Pattern.compile(
            "(?i)(?:\\b(?:at|join|joining|leave|leaving|left|for|to|about|in)\\s+)$");

    /** "this company" where a place of work fits ("leaving Quillpad", "why Northwind"), else "them". */
    private static String neutralFor(String text, int at) {
        String before = text.substring(0, at);
        if (PLACE_WORD.matcher(before).find() || before.strip().toLowerCase(Locale.ROOT).matches(".*\\b(?:why|about)$")) {
            return "this company";
        }
        return "them";
    }

    public QuestionLexicon lexicon() {
        return lexicon;
    }
}
