package org.verbatim.enrich;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the skills a text mentions. Words are matched whole, case-insensitively, longest phrase first
 * ("Spring Boot" before "Spring"), with plural and possessive forms ("Kafka's", "Docker containers")
 * and spacing variants ("React JS", "ReactJS"). A form that is also an ordinary word ("Go", "Spring",
 * "Rust") counts only when written with the vocabulary's capitalisation and a context word is near, or
 * when an unambiguous form of the same skill occurs in the same text. Immutable and thread-safe.
 */
public final class SkillExtractor {

    /** Words either side of an ambiguous form that are searched for context. */
    static final int CONTEXT_WINDOW = 12;
    /** A narrower window for an ambiguous form written in another case ("go" for "Go"). */
    static final int LOWERCASE_WINDOW = 6;
    /** Words before a lower-case ambiguous form that make it the ordinary word ("to go", "team react"). */
    private static final Set<String> ORDINARY_BEFORE = Set.of("to", "let's", "lets", "let", "i", "we", "you", "they",
            "he", "she", "it", "will", "would", "can", "could", "should", "must", "might", "may", "did", "didn't",
            "don't", "do", "does", "gonna", "wanna", "'ll", "just", "then", "and", "not", "never", "always", "team",
            "people", "users", "engineers", "developers", "everyone", "customers", "stakeholders", "market", "last", "this", "next", "early", "late", "the", "a", "an", "that", "i'd", "we'd",
            "you'd", "they'd", "i'll", "we'll", "you'll", "i'm", "we're", "you're", "they're", "is", "was", "so");
    /** Words after a lower-case ambiguous form that make it a verb ("go ahead", "go with"). */
    private static final Set<String> ORDINARY_AFTER = Set.of("ahead", "back", "through", "with", "over", "into",
            "out", "up", "down", "away", "home", "off", "on", "for", "to", "quickly", "badly", "well");
    /** Words before a lower-case form that is a noun in English that make it the common noun ("a node", "last spring"). */
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "this", "that", "these", "those", "one", "each",
            "every", "another", "any", "some", "no", "last", "next", "early", "late", "my", "his", "her");
    /**
     * Forms that are also English verbs: only these are made ordinary by a particle after them ("go
     * ahead", "react to"); "airflow to the scheduler" or "ts on the client" stay names.
     */
    private static final Set<String> VERBS = Set.of("go", "react", "express", "spark", "bash", "slack", "spring",
            "flutter", "vault", "excel", "dart", "jest", "salt", "shell", "beam", "rust", "sass", "bootstrap");
    private static final int MAX_PHRASE = 4;
    /** A word as the extractor sees it; {@link #nextToken} finds the same by hand. */
    static final Pattern TOKEN = Pattern.compile(
            "\\.?[\\p{L}\\p{N}]+(?:[.'’/\\-][\\p{L}\\p{N}]+)*(?:\\+\\+|#)?");

    private record Form(Skill skill, String written, boolean ambiguous) {
    }

    /** A match of an ambiguous form waiting for its context check. */
    private record Pending(Mention mention, int at, boolean exactCase) {
    }

    /** A mention: the skill, and where in the text it was said. */
    public record Mention(Skill skill, int start, int end) {
    }

    private record Token(String text, String lower, int start, int end) {
    }

    private final SkillVocabulary vocabulary;
    private final Map<String, List<Form>> forms = new HashMap<>();
    /** The first word of every form: a span can only match when it starts with one of these. */
    private final Set<String> firstWords = new java.util.HashSet<>();
    /** The longest form, in words, that starts with each first word. */
    private final Map<String, Integer> longestFrom = new HashMap<>();
    /**
     * Every beginning of every key with its spaces removed, with the characters that may follow it. A
     * span of several words can only match when its words run together begin some key; this stops most
     * spans without a lookup.
     */
    private final Map<String, String> continuations = new HashMap<>();
    /** What each spelling of a word gives on its own, worked out at its first occurrence. */
    private final java.util.concurrent.ConcurrentHashMap<String, Word> words = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int WORD_CACHE_SIZE = 200_000;

    /**
     * A word as written, whatever its neighbours: whether a form may start with it, the longest form (in
     * words) that does, and the form it matches alone ({@code null} for none).
     */
    private record Word(boolean mayStart, int longest, Form alone, String continuations, String sound, boolean soundStart) {
    }

    /**
     * Unambiguous forms by the sound of their words (Double Metaphone codes of each word, run together):
     * speech-to-text writes a name it does not know as words that sound like it ("cooper netties" for
     * Kubernetes, "sequel server"). A code two skills share is dropped.
     */
    private final Map<String, Form> bySound = new HashMap<>();
    /** Every code a name's sound can begin with: the code of a first word, for a quick refusal. */
    private final Set<String> soundStarts = new java.util.HashSet<>();
    /** Words that are not part of a garbled name: the run they are in is ordinary speech. */
    private static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "but", "by",
            "for", "if", "in", "into", "is", "it", "no", "not", "of", "on", "or", "so", "such", "that", "the", "their",
            "then", "there", "these", "they", "this", "to", "was", "will", "with", "we", "i", "you", "he", "she",
            "our", "my", "your", "me", "us", "them", "his", "her", "its", "were", "been", "had", "has", "have", "do",
            "did", "does", "said", "say", "from", "up", "out", "all", "just", "like", "um", "uh", "yeah", "very", "really");
    /** Sound codes shorter than this match too many ordinary words. */
    static final int MIN_SOUND_CODE = 5;
    private static final Form SOUND_CONFLICT = new Form(new Skill("", null, null, null, null), "", false);
    private static final org.apache.commons.codec.language.DoubleMetaphone METAPHONE = metaphone();

    private static org.apache.commons.codec.language.DoubleMetaphone metaphone() {
        org.apache.commons.codec.language.DoubleMetaphone m = new org.apache.commons.codec.language.DoubleMetaphone();
        m.setMaxCodeLen(12);
        return m;
    }

    /** Each skill's context words, without words that are themselves ambiguous forms ("go", "react"). */
    private final Map<String, List<String>> context = new HashMap<>();

    public SkillExtractor(SkillVocabulary vocabulary) {
        this.vocabulary = vocabulary;
        Set<String> ambiguousWords = new java.util.HashSet<>();
        for (Skill s : vocabulary.skills()) {
            for (String f : s.forms()) {
                Form form = new Form(s, f, s.isAmbiguous(f));
                for (String key : keys(tokens(f))) {
                    forms.computeIfAbsent(key, k -> new ArrayList<>()).add(form);
                    int space = key.indexOf(' ');
                    String firstWord = space < 0 ? key : key.substring(0, space);
                    firstWords.add(firstWord);
                    longestFrom.merge(firstWord, key.split(" ").length, Math::max);
                    String run = key.replace(" ", "");
                    for (int end = 1; end < run.length(); end++) {
                        continuations.merge(run.substring(0, end), String.valueOf(run.charAt(end)),
                                (a, b) -> a.contains(b) ? a : a + b);
                    }
                }
            }
            s.ambiguous().forEach(a -> ambiguousWords.add(a.toLowerCase(Locale.ROOT)));
            for (String f : s.forms()) {
                if (!s.isAmbiguous(f) && f.chars().noneMatch(Character::isDigit)) {
                    String code = sound(tokens(f));
                    if (code.length() >= MIN_SOUND_CODE) {
                        Form form = new Form(s, f, false);
                        bySound.merge(code, form, (a, b) -> a.skill().name().equals(b.skill().name()) ? a : SOUND_CONFLICT);
                    }
                }
            }
        }
        bySound.values().removeIf(f -> f == SOUND_CONFLICT);
        for (String code : bySound.keySet()) {
            for (int end = 2; end <= code.length(); end++) {
                soundStarts.add(code.substring(0, end));
            }
        }
        for (Skill s : vocabulary.skills()) {
            List<String> words = new ArrayList<>();
            for (String c : s.context()) {
                String phrase = String.join(" ", tokens(c).stream().map(Token::lower).toList());
                if (!phrase.isEmpty() && !ambiguousWords.contains(phrase)) {
                    words.add(" " + phrase + " ");
                }
            }
            context.put(s.name(), words);
        }
    }

    public SkillVocabulary vocabulary() {
        return vocabulary;
    }

    /** Canonical names of the skills mentioned, in order of first mention. */
    public List<String> skills(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (Mention m : mentions(text)) {
            out.add(m.skill().name());
        }
        return List.copyOf(out);
    }

    /** Every mention, in text order. */
    public List<Mention> mentions(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Token> tokens = tokens(text);
        List<Mention> sure = new ArrayList<>();
        List<Integer> sureAt = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        Word[] seen = new Word[tokens.size()];
        int i = 0;
        while (i < tokens.size()) {
            Word word = word(tokens.get(i));
            seen[i] = word;
            if (!word.mayStart()) {
                i++;
                continue;
            }
            int matched = 0;
            int longest = Math.min(word.longest(), possibleLength(tokens, i, word, word.longest()));
            for (int n = Math.min(longest, tokens.size() - i); n >= 1 && matched == 0; n--) {
                List<Token> span = tokens.subList(i, i + n);
                Form f = n == 1 ? word.alone() : lookup(span);
                if (f == null) {
                    continue;
                }
                Mention m = new Mention(f.skill(), span.get(0).start(), span.get(n - 1).end());
                if (f.ambiguous()) {
                    // Case is a sign only where the vocabulary's form has capitals ("Go", not "ping").
                    pending.add(new Pending(m, i, hasCapital(f.written()) && sameCase(f.written(), joined(span))));
                } else {
                    sure.add(m);
                    sureAt.add(i);
                }
                matched = n;
            }
            i += Math.max(1, matched);
        }
        pending.addAll(soundAlikes(tokens, seen, sure, pending));
        // An ambiguous form counts when the skill is surely mentioned too, or with context nearby: a
        // context word, or another skill surely mentioned. Written in another case ("go"), it needs
        // context closer by and must not follow a word that makes it the ordinary word ("to go").
        List<Mention> out = new ArrayList<>(sure);
        if (pending.isEmpty()) {
            return out;
        }
        // Speech-to-text without casing writes "ts" and "ci" for TS and CI: there, case tells nothing.
        boolean caseless = text.chars().noneMatch(Character::isUpperCase);
        Set<String> sureNames = new java.util.HashSet<>();
        sure.forEach(m -> sureNames.add(m.skill().name()));
        List<Mention> candidates = new ArrayList<>(sure);
        pending.forEach(p -> candidates.add(p.mention()));
        candidates.sort((a, b) -> Integer.compare(a.start(), b.start()));
        for (Pending p : pending) {
            Skill skill = p.mention().skill();
            boolean counts;
            if (sureNames.contains(skill.name())) {
                counts = true;
            } else if (p.exactCase()) {
                counts = hasContext(skill, tokens, p.at(), CONTEXT_WINDOW, sure, sureAt) || inList(text, candidates, p.mention());
            } else if (isAcronym(tokens.get(p.at()).text(), skill)) {
                // "solid", "rest", "ts": an acronym only counts in capitals where the text has them; without
                // them it is no verb or common noun, so only its own context decides.
                counts = caseless && (hasContext(skill, tokens, p.at(), LOWERCASE_WINDOW, List.of(), List.of())
                        || inList(text, candidates, p.mention()));
            } else {
                int at = p.at();
                String before = at > 0 ? tokens.get(at - 1).lower() : "";
                boolean ordinary = isVerb(tokens.get(at).lower())
                        ? ORDINARY_BEFORE.contains(before) || at + 1 < tokens.size() && ORDINARY_AFTER.contains(tokens.get(at + 1).lower())
                        : DETERMINERS.contains(before);
                // Written as an ordinary word, it needs its own context: any other skill nearby is not
                // enough ("one node in our k8s cluster", "the app shell next to Next.js").
                // Listed with a skill that is surely one ("flutter and dart"), it is a name whatever precedes it.
                counts = !ordinary && (hasContext(skill, tokens, at, LOWERCASE_WINDOW, List.of(), List.of())
                        || inList(text, candidates, p.mention())) || inList(text, sure, p.mention());
            }
            if (counts) {
                out.add(p.mention());
            }
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    /** Between two names of a list: a comma, a slash or an ampersand, or "and", "or", "plus", "then". */
    private static final Pattern LIST_SEPARATOR = Pattern.compile(
            "\\s*(?:[,/&+]\\s*(?:(?:and|or|plus|then)\\s+)?|(?:and|or|plus|then|and then)\\s+)");

    /**
     * Whether a mention stands in a list with another possible skill ("react, next, tailwind", "React,
     * Angular, Vue", "flutter and dart"): names listed together are names of one kind.
     */
    private static boolean inList(String text, List<Mention> candidates, Mention m) {
        Mention before = null;
        Mention after = null;
        for (Mention c : candidates) {
            if (c.end() <= m.start() && (before == null || c.end() > before.end())) {
                before = c;
            }
            if (c.start() >= m.end() && (after == null || c.start() < after.start())) {
                after = c;
            }
        }
        return before != null && LIST_SEPARATOR.matcher(text.substring(before.end(), m.start())).matches()
                || after != null && LIST_SEPARATOR.matcher(text.substring(m.end(), after.start())).matches();
    }

    /**
     * Runs of two or three words (one word that sounds like a name is usually another word), none of
     * them a function word or already a mention, that sound like an unambiguous form without
     * being written as one ("cooper netties", "post grass", "jupiter notebooks"). Like an ambiguous form
     * written in the vocabulary's case, each counts only with context nearby.
     */
    private List<Pending> soundAlikes(List<Token> tokens, Word[] seen, List<Mention> sure, List<Pending> pending) {
        if (bySound.isEmpty()) {
            return List.of();
        }
        boolean[] taken = null;
        List<Pending> out = new ArrayList<>();
        int i = 0;
        while (i + 1 < tokens.size()) {
            Word w = seen[i] != null ? seen[i] : word(tokens.get(i));
            // Most words cannot begin a name's sound: their cached word says so.
            if (!w.soundStart()) {
                i++;
                continue;
            }
            if (taken == null) {
                taken = taken(tokens, sure, pending);
            }
            int matched = 0;
            Form matchedForm = null;
            StringBuilder code = new StringBuilder(w.sound());
            int letters = tokens.get(i).lower().length();
            // Two or three words, each adding its code while the codes so far still begin some name's.
            for (int k = i + 1; k < Math.min(i + 3, tokens.size()) && !taken[i]; k++) {
                String c = (seen[k] != null ? seen[k] : word(tokens.get(k))).sound();
                if (c == null || taken[k]) {
                    break;
                }
                appendSound(code, c);
                letters += tokens.get(k).lower().length();
                String key = code.toString();
                Form f = key.length() < MIN_SOUND_CODE ? null : bySound.get(key);
                if (f != null) {
                    String written = f.written().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
                    // The same letters are the form itself, spaced or joined; a length far off is another word.
                    boolean lengthClose = written.length() * 10 >= letters * 6 && letters * 10 >= written.length() * 6;
                    if (lengthClose && !joined(tokens.subList(i, k + 1)).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "").equals(written)) {
                        matched = k + 1 - i;
                        matchedForm = f;
                    }
                }
                if (!soundStarts.contains(key)) {
                    break;
                }
            }
            if (matchedForm != null) {
                out.add(new Pending(new Mention(matchedForm.skill(), tokens.get(i).start(), tokens.get(i + matched - 1).end()), i, true));
            }
            i += Math.max(1, matched);
        }
        return out;
    }

    /** Which tokens are part of a mention already. */
    private static boolean[] taken(List<Token> tokens, List<Mention> sure, List<Pending> pending) {
        boolean[] taken = new boolean[tokens.size()];
        List<Mention> all = new ArrayList<>(sure);
        pending.forEach(p -> all.add(p.mention()));
        all.sort((x, y) -> Integer.compare(x.start(), y.start()));
        int k = 0;
        for (Mention m : all) {
            while (k < tokens.size() && tokens.get(k).end() <= m.start()) {
                k++;
            }
            for (int j = k; j < tokens.size() && tokens.get(j).start() < m.end(); j++) {
                taken[j] = true;
            }
        }
        return taken;
    }

    /**
     * A word's Double Metaphone code, or {@code null} when the word cannot be part of a garbled name (a
     * function word, one letter, or not plain letters). Kept with the word's other facts in {@link #word}.
     */
    private static String soundOfWord(String word) {
        boolean usable = word.length() >= 2 && !FUNCTION_WORDS.contains(word) && word.chars().allMatch(x -> x >= 'a' && x <= 'z');
        return usable ? METAPHONE.doubleMetaphone(word) : null;
    }

    /**
     * A form's sound: the Double Metaphone codes of its words run together, as {@link #soundAlikes} runs
     * together the codes of the words said (a leading vowel code dropped after the first word).
     */
    private static String sound(List<Token> words) {
        StringBuilder sb = new StringBuilder();
        for (Token t : words) {
            for (String part : t.lower().split("[^a-z]+")) {
                if (!part.isEmpty()) {
                    appendSound(sb, METAPHONE.doubleMetaphone(part));
                }
            }
        }
        return sb.toString();
    }

    private static void appendSound(StringBuilder code, String word) {
        code.append(code.length() > 0 && word.startsWith("A") ? word.substring(1) : word);
    }

    /** Whether a word is one of {@link #VERBS}, in any of its forms ("goes", "reacted", "sparking"). */
    private static boolean isVerb(String word) {
        if (VERBS.contains(word)) {
            return true;
        }
        for (String end : new String[] {"es", "s", "ed", "d", "ing"}) {
            if (word.endsWith(end) && VERBS.contains(word.substring(0, word.length() - end.length()))) {
                return true;
            }
        }
        return false;
    }

    /** True when the vocabulary writes this ambiguous form in capitals (an acronym such as SOLID or REST). */
    private static boolean isAcronym(String written, Skill skill) {
        for (String a : skill.ambiguous()) {
            if (a.equalsIgnoreCase(POSSESSIVE_END.matcher(written).replaceAll("")) && a.length() >= 2 && a.equals(a.toUpperCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static String firstWordOf(Token t) {
        String l = t.lower();
        int dash = l.indexOf('-');
        return dash > 0 ? l.substring(0, dash) : l;
    }

    /** Whether a form can start at this token: its first word (or the word without a plural ending) begins one. */
    private boolean mayStart(Token t) {
        String l = t.lower();
        int dash = l.indexOf('-');
        String first = dash > 0 ? l.substring(0, dash) : l;
        if (firstWords.contains(first) || dash >= 0 && firstWords.contains(l.replace("-", ""))) {
            return true;
        }
        for (String suffix : new String[] {"'s", "’s", "'", "’", "es", "s"}) {
            if (l.endsWith(suffix) && l.length() > suffix.length() + 1
                    && firstWords.contains(l.substring(0, l.length() - suffix.length()).replace("-", ""))) {
                return true;
            }
        }
        return false;
    }

    /**
     * How many words from {@code at} a match could span, at most {@code limit}: the words before the
     * last, run together without hyphens, and the first letter of the last must begin a key. (Removing
     * a plural or possessive ending leaves that letter, and a word never starts with a hyphen.)
     */
    private int possibleLength(List<Token> tokens, int at, Word first, int limit) {
        if (limit < 2 || at + 1 >= tokens.size() || first.continuations().indexOf(tokens.get(at + 1).lower().charAt(0)) < 0) {
            return 1;
        }
        StringBuilder run = new StringBuilder();
        appendWithoutHyphens(run, tokens.get(at).lower());
        int n = 2;
        while (n < limit && at + n < tokens.size()) {
            appendWithoutHyphens(run, tokens.get(at + n - 1).lower());
            if (continuations.getOrDefault(run.toString(), "").indexOf(tokens.get(at + n).lower().charAt(0)) < 0) {
                break;
            }
            n++;
        }
        return n;
    }

    private static void appendWithoutHyphens(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '-') {
                sb.append(c);
            }
        }
    }

    private Word word(Token t) {
        Word w = words.get(t.text());
        if (w == null) {
            boolean mayStart = mayStart(t);
            StringBuilder run = new StringBuilder();
            appendWithoutHyphens(run, t.lower());
            String sound = soundOfWord(t.lower());
            w = new Word(mayStart, Math.min(MAX_PHRASE, longestFrom.getOrDefault(firstWordOf(t), MAX_PHRASE)),
                    mayStart ? lookup(List.of(t)) : null, continuations.getOrDefault(run.toString(), ""),
                    sound, sound != null && soundStarts.contains(sound));
            if (words.size() >= WORD_CACHE_SIZE) {
                words.clear();
            }
            words.put(t.text(), w);
        }
        return w;
    }

    /** The form a span of text matches: for the first of its keys that has forms, the one {@link #pick}ed. */
    private Form lookup(List<Token> span) {
        for (String key : lookupKeys(span)) {
            List<Form> candidates = forms.get(key);
            if (candidates != null) {
                return pick(candidates);
            }
        }
        return null;
    }

    /** An unambiguous form when the key has one, else the first ambiguous one. */
    private static Form pick(List<Form> candidates) {
        for (Form f : candidates) {
            if (!f.ambiguous()) {
                return f;
            }
        }
        return candidates.get(0);
    }

    private static final Pattern SPACES_AND_HYPHENS = Pattern.compile("[\\s\\-]+");
    private static final Pattern POSSESSIVE_END = Pattern.compile("(?:'s|’s)$");
    private static final Pattern PLURAL_OR_POSSESSIVE_END = Pattern.compile("(?:'s|’s|'|’|s|es)$");

    private static boolean hasCapital(String form) {
        return form.chars().anyMatch(Character::isUpperCase);
    }

    private static boolean sameCase(String form, String written) {
        String a = SPACES_AND_HYPHENS.matcher(form).replaceAll("");
        String w = SPACES_AND_HYPHENS.matcher(written).replaceAll("");
        String b = PLURAL_OR_POSSESSIVE_END.matcher(w).replaceAll("");
        return a.equals(w) || a.equals(b);
    }

    private boolean hasContext(Skill skill, List<Token> tokens, int at, int radius, List<Mention> sure, List<Integer> sureAt) {
        int from = Math.max(0, at - radius);
        int to = Math.min(tokens.size(), at + radius + 1);
        for (int k = 0; k < sure.size(); k++) {
            int i = sureAt.get(k);
            // "Spring Boot" near "spring" is not context for Spring: it is the same words.
            if (i >= from && i < to && !sure.get(k).skill().name().toLowerCase(Locale.ROOT)
                    .contains(tokens.get(at).lower())) {
                return true;
            }
        }
        StringBuilder window = new StringBuilder(" ");
        for (int i = from; i < to; i++) {
            if (i != at) {
                window.append(tokens.get(i).lower()).append(' ');
            }
        }
        String w = window.toString();
        for (String c : context.getOrDefault(skill.name(), List.of())) {
            if (w.contains(c)) {
                return true;
            }
        }
        return false;
    }

    // ---- tokens and keys ----------------------------------------------------------------------------

    private static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>(text.length() / 5 + 1);
        int from = 0;
        int[] span = new int[2];
        while (nextToken(text, from, span)) {
            String t = text.substring(span[0], span[1]);
            // "C/C++", "CI/CD" and "k8s/Docker": try the whole, but a slash between known words splits.
            out.add(new Token(t, t.toLowerCase(Locale.ROOT), span[0], span[1]));
            from = span[1];
        }
        return text.indexOf('/') < 0 ? out : splitSlashes(out);
    }

    /**
     * The next match of {@link #TOKEN} at or after {@code from}, found by hand (the pattern runs over
     * every word of every answer): its start and end go into {@code span}.
     *
     * @return false when there is none
     */
    static boolean nextToken(String s, int from, int[] span) {
        int n = s.length();
        for (int p = from; p < n; p++) {
            int start = p;
            int q = s.charAt(p) == '.' && letterOrDigitAt(s, p + 1) ? p + 1 : p;
            if (!letterOrDigitAt(s, q)) {
                continue;
            }
            q = skipLettersAndDigits(s, q);
            while (q + 1 < n && isJoiner(s.charAt(q)) && letterOrDigitAt(s, q + 1)) {
                q = skipLettersAndDigits(s, q + 1);
            }
            if (q + 1 < n && s.charAt(q) == '+' && s.charAt(q + 1) == '+') {
                q += 2;
            } else if (q < n && s.charAt(q) == '#') {
                q++;
            }
            span[0] = start;
            span[1] = q;
            return true;
        }
        return false;
    }

    private static boolean isJoiner(char c) {
        return c == '.' || c == '\'' || c == '’' || c == '/' || c == '-';
    }

    /** {@code [\p{L}\p{N}]} at {@code i}; false at the end of the text. */
    private static boolean letterOrDigitAt(String s, int i) {
        if (i >= s.length()) {
            return false;
        }
        char c = s.charAt(i);
        if (c < 128) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        }
        return letterOrDigit(s.codePointAt(i));
    }

    private static boolean letterOrDigit(int cp) {
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    private static int skipLettersAndDigits(String s, int i) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c < 128) {
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                    return i;
                }
                i++;
            } else {
                int cp = s.codePointAt(i);
                if (!letterOrDigit(cp)) {
                    return i;
                }
                i += Character.charCount(cp);
            }
        }
        return i;
    }

    private static List<Token> splitSlashes(List<Token> in) {
        List<Token> out = new ArrayList<>(in.size());
        for (Token t : in) {
            int slash = t.text().indexOf('/');
            if (slash < 0 || t.lower().equals("ci/cd") || t.lower().matches("[a-z]/[a-z]") ) {
                out.add(t);
                continue;
            }
            int pos = t.start();
            for (String part : t.text().split("/")) {
                if (!part.isEmpty()) {
                    out.add(new Token(part, part.toLowerCase(Locale.ROOT), pos, pos + part.length()));
                }
                pos += part.length() + 1;
            }
        }
        return out;
    }

    private static String joined(List<Token> span) {
        StringBuilder sb = new StringBuilder();
        for (Token t : span) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(t.text());
        }
        return sb.toString();
    }

    /** Keys a vocabulary form is stored under: its words spaced, hyphens as spaces, and run together. */
    private static List<String> keys(List<Token> tokens) {
        StringBuilder spaced = new StringBuilder();
        StringBuilder joined = new StringBuilder();
        int words = 0;
        for (Token t : tokens) {
            String l = t.lower();
            int from = 0;
            while (from <= l.length()) {
                int dash = l.indexOf('-', from);
                int to = dash < 0 ? l.length() : dash;
                if (to > from) {
                    if (words++ > 0) {
                        spaced.append(' ');
                    }
                    spaced.append(l, from, to);
                    joined.append(l, from, to);
                }
                from = to + 1;
            }
        }
        return words <= 1 ? List.of(spaced.toString()) : List.of(spaced.toString(), joined.toString());
    }

    /** Keys to try for a span of text: as written, then with a plural or possessive ending removed. */
    private static List<String> lookupKeys(List<Token> span) {
        List<String> out = new ArrayList<>(keys(span));
        Token last = span.get(span.size() - 1);
        String l = last.lower();
        for (String suffix : new String[] {"'s", "’s", "'", "’", "es", "s"}) {
            if (l.endsWith(suffix) && l.length() > suffix.length() + 1) {
                List<Token> trimmed = new ArrayList<>(span.subList(0, span.size() - 1));
                String t = last.text().substring(0, last.text().length() - suffix.length());
                trimmed.add(new Token(t, t.toLowerCase(Locale.ROOT), last.start(), last.end()));
                out.addAll(keys(trimmed));
            }
        }
        return out;
    }
}
