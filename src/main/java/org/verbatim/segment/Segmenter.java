package org.verbatim.segment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.verbatim.ingest.Layout;
import org.verbatim.ingest.SpeakerRole;
import org.verbatim.ingest.Transcript;
import org.verbatim.ingest.Turn;

/**
 * Turns a transcript's turns into question/answer pairs. Pure and thread-safe.
 *
 * <p>With speaker labels, the interviewers are those the metadata names, else those the file marks
 * (a press "Q"), else whoever asks the most questions; an interviewer turn that asks starts a question
 * and the interviewees' turns until the next one answer it, one pair per interviewee. Without labels,
 * paragraphs (or, for captions, sentences) that ask are questions and what follows is the answer.
 * Speech before the first question becomes a pair with an empty question, so no text is dropped.
 */
public final class Segmenter {

    /** An interviewer turn this long starts a new question even without a question in it. */
    static final int LONG_TURN_WORDS = 30;

    private Segmenter() {
    }

    /** Segments a transcript; throws {@link NoDialogueException} when unlabeled text asks nothing. */
    public static Segmentation segment(Transcript t) throws NoDialogueException {
        boolean labelled = t.turns().stream().anyMatch(Turn::hasSpeaker);
        if (labelled) {
            return byLabels(t);
        }
        List<Unit> units = t.layout() == Layout.CAPTIONS ? sentenceUnits(t.turns()) : paragraphUnits(t.turns());
        boolean anyQuestion = units.stream().anyMatch(Unit::asks);
        if (!anyQuestion && t.layout() == Layout.PARAGRAPHS) {
            throw new NoDialogueException("no dialogue found: no speaker labels, no timestamps and no questions; "
                    + "is this a transcript? (label turns as 'Name: text' or add a question per interviewer paragraph)");
        }
        return byQuestions(units, t.layout() == Layout.CAPTIONS ? " " : "\n\n");
    }

    // ---- labelled turns -------------------------------------------------------------------------

    private static Segmentation byLabels(Transcript t) {
        List<Turn> turns = t.turns();
        Set<String> interviewers = Roles.interviewers(turns, t.metadata().interviewers(), t.metadata().candidates());
        List<Pair> pairs = new ArrayList<>();
        LinkedHashSet<String> asked = new LinkedHashSet<>();
        LinkedHashSet<String> answered = new LinkedHashSet<>();

        Question current = new Question();
        for (Turn turn : turns) {
            String speaker = turn.hasSpeaker() ? turn.speaker() : "";
            boolean isInterviewer = interviewers.contains(Roles.key(speaker));
            if (isInterviewer) {
                asked.add(speaker);
                // A long interviewer turn after answers moves on even when it does not end by asking.
                boolean asks = turn.role() == SpeakerRole.INTERVIEWER && "Q".equals(speaker) || Questions.asksLoosely(turn.text())
                        || Questions.wordCount(turn.text()) >= LONG_TURN_WORDS;
                if (asks && current.hasAnswers()) {
                    current.flushInto(pairs);
                    current = new Question();
                }
                current.ask(turn);
            } else {
                if (!speaker.isEmpty()) {
                    answered.add(speaker);
                }
                current.answer(speaker, turn);
            }
        }
        current.flushInto(pairs);
        return new Segmentation(numbered(pairs), List.copyOf(asked), List.copyOf(answered));
    }

    /** One question and the answers collected for it, per interviewee in order of first answer. */
    private static final class Question {
        private final StringBuilder text = new StringBuilder();
        private String speaker;
        private Double start;
        private final Map<String, Answer> answers = new LinkedHashMap<>();

        void ask(Turn turn) {
            append(text, turn.text(), "\n\n");
            if (speaker == null) {
                speaker = turn.speaker();
            }
            if (start == null) {
                start = turn.start();
            }
        }

        void answer(String who, Turn turn) {
            answers.computeIfAbsent(who, k -> new Answer(turn.hasSpeaker() ? turn.speaker() : null, turn.start())).add(turn);
        }

        boolean hasAnswers() {
            return !answers.isEmpty();
        }

        void flushInto(List<Pair> pairs) {
            if (text.length() == 0 && answers.isEmpty()) {
                return;
            }
            if (answers.isEmpty()) {
                pairs.add(new Pair(0, text.toString(), speaker, "", null, start, null));
                return;
            }
            for (Answer a : answers.values()) {
                Double pairStart = start != null ? start : a.start;
                pairs.add(new Pair(0, text.toString(), speaker, a.text.toString(), a.speaker, pairStart, a.end));
            }
        }
    }

    private static final class Answer {
        final String speaker;
        final Double start;
        Double end;
        final StringBuilder text = new StringBuilder();

        Answer(String speaker, Double start) {
            this.speaker = speaker;
            this.start = start;
        }

        void add(Turn turn) {
            append(text, turn.text(), "\n\n");
            if (turn.end() != null) {
                end = turn.end();
            } else if (turn.start() != null) {
                end = turn.start();
            }
        }
    }

    // ---- unlabeled text -------------------------------------------------------------------------

    /** A paragraph or sentence of unlabeled text, with whether it asks. */
    record Unit(String text, boolean asks, Double start, Double end) {
    }

    static List<Unit> paragraphUnits(List<Turn> turns) {
        List<Unit> units = new ArrayList<>();
        for (Turn t : turns) {
            for (String para : t.text().split("\n\n")) {
                if (!para.isBlank()) {
                    // Long paragraphs that end in a question are answers musing aloud, not the interviewer.
                    boolean asks = Questions.wordCount(para) <= 120 && Questions.asks(para);
                    units.add(new Unit(para.strip(), asks, t.start(), t.end()));
                }
            }
        }
        return units;
    }

    /** Captions cut sentences anywhere: join them, cut at sentence ends, and keep each sentence's times. */
    static List<Unit> sentenceUnits(List<Turn> turns) {
        StringBuilder all = new StringBuilder();
        List<int[]> spans = new ArrayList<>();
        for (Turn t : turns) {
            if (all.length() > 0) {
                all.append(' ');
            }
            int from = all.length();
            all.append(t.text().strip());
            spans.add(new int[] {from, all.length()});
        }
        String text = all.toString();
        List<Unit> sentences = new ArrayList<>();
        int cursor = 0;
        for (String s : Sentences.split(text)) {
            int at = text.indexOf(s, cursor);
            int endAt = at + s.length();
            cursor = endAt;
            sentences.add(new Unit(s, Questions.isQuestionSentence(s), timeAt(turns, spans, at, true), timeAt(turns, spans, Math.max(at, endAt - 1), false)));
        }
        // A prompt right before a question belongs to it ("So tell me about the game. What is it?").
        List<Unit> out = new ArrayList<>(sentences.size());
        for (int i = 0; i < sentences.size(); i++) {
            Unit u = sentences.get(i);
            boolean leadIn = !u.asks() && i + 1 < sentences.size() && sentences.get(i + 1).asks() && Questions.isPrompt(u.text());
            out.add(leadIn ? new Unit(u.text(), true, u.start(), u.end()) : u);
        }
        return out;
    }

    /** The time of the caption holding {@code offset}; spans are in text order, so a binary search finds it. */
    private static Double timeAt(List<Turn> turns, List<int[]> spans, int offset, boolean start) {
        int lo = 0;
        int hi = spans.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (spans.get(mid)[1] < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo == spans.size() || spans.get(lo)[0] > offset) {
            return null;
        }
        return start ? turns.get(lo).start() : turns.get(lo).end();
    }

    private static Segmentation byQuestions(List<Unit> units, String joiner) {
        List<Pair> pairs = new ArrayList<>();
        StringBuilder question = new StringBuilder();
        StringBuilder answer = new StringBuilder();
        Double start = null;
        Double end = null;
        boolean inAnswer = false;
        for (Unit u : units) {
            if (u.asks() && (inAnswer || question.length() == 0 && answer.length() > 0)) {
                pairs.add(new Pair(0, question.toString(), null, answer.toString(), null, start, end));
                question.setLength(0);
                answer.setLength(0);
                start = null;
                inAnswer = false;
            }
            if (start == null) {
                start = u.start();
            }
            if (u.end() != null) {
                end = u.end();
            }
            if (u.asks() && !inAnswer) {
                append(question, u.text(), joiner);
            } else {
                inAnswer = true;
                append(answer, u.text(), joiner);
            }
        }
        if (question.length() > 0 || answer.length() > 0) {
            pairs.add(new Pair(0, question.toString(), null, answer.toString(), null, start, end));
        }
        return new Segmentation(numbered(pairs), List.of(), List.of());
    }

    // ---- shared -----------------------------------------------------------------------------------

    private static List<Pair> numbered(List<Pair> pairs) {
        List<Pair> out = new ArrayList<>(pairs.size());
        for (int i = 0; i < pairs.size(); i++) {
            out.add(pairs.get(i).withIndex(i));
        }
        return out;
    }

    private static void append(StringBuilder sb, String text, String joiner) {
        if (text == null || text.isBlank()) {
            return;
        }
        if (sb.length() > 0) {
            sb.append(joiner);
        }
        sb.append(text.strip());
    }

    /** Speaker roles: who interviews, from metadata, the file's own marks, or who asks the most. */
    static final class Roles {

        private Roles() {
        }

        static String key(String speaker) {
            return speaker == null ? "" : speaker.strip().toLowerCase(Locale.ROOT);
        }

        static Set<String> interviewers(List<Turn> turns, List<String> named, List<String> candidates) {
            Map<String, String> speakers = new LinkedHashMap<>();
            for (Turn t : turns) {
                if (t.hasSpeaker()) {
                    speakers.putIfAbsent(key(t.speaker()), t.speaker());
                }
            }
            Set<String> out = new LinkedHashSet<>();
            for (String s : speakers.values()) {
                if (named.stream().anyMatch(n -> Names.same(n, s))) {
                    out.add(key(s));
                }
            }
            for (Turn t : turns) {
                if (t.hasSpeaker() && t.role() == SpeakerRole.INTERVIEWER) {
                    out.add(key(t.speaker()));
                }
            }
            if (!out.isEmpty()) {
                return out;
            }
            // Nobody named: when candidates are named, the other speakers are the interviewers.
            if (!candidates.isEmpty()) {
                for (String s : speakers.values()) {
                    if (candidates.stream().noneMatch(c -> Names.same(c, s))) {
                        out.add(key(s));
                    }
                }
                if (!out.isEmpty() && out.size() < speakers.size()) {
                    return out;
                }
                out.clear();
            }
            return byQuestionsAsked(turns);
        }

        /** The speaker who asks most, plus any other who mostly asks. */
        private static Set<String> byQuestionsAsked(List<Turn> turns) {
            Map<String, int[]> stats = new HashMap<>();
            Map<String, Integer> firstSeen = new HashMap<>();
            for (Turn t : turns) {
                if (!t.hasSpeaker()) {
                    continue;
                }
                String k = key(t.speaker());
                firstSeen.putIfAbsent(k, firstSeen.size());
                int[] s = stats.computeIfAbsent(k, x -> new int[3]);
                s[0]++;
                if (Questions.asks(t.text())) {
                    s[1]++;
                }
                s[2] += Questions.wordCount(t.text());
            }
            String top = null;
            double topScore = -1;
            for (Map.Entry<String, int[]> e : stats.entrySet()) {
                int[] s = e.getValue();
                // Questions asked, then the share of turns that ask, then fewer words, then who spoke first.
                double score = s[1] * 1000.0 + (s[1] / (double) s[0]) * 100.0 - s[2] / 1_000_000.0 - firstSeen.get(e.getKey()) / 1000.0;
                if (score > topScore) {
                    topScore = score;
                    top = e.getKey();
                }
            }
            Set<String> out = new LinkedHashSet<>();
            if (top == null) {
                return out;
            }
            out.add(top);
            int[] topStats = stats.get(top);
            for (Map.Entry<String, int[]> e : stats.entrySet()) {
                int[] s = e.getValue();
                if (!e.getKey().equals(top) && s[1] >= 3 && s[1] * 2 >= s[0] && s[2] / (double) s[0] < 2.0 * topStats[2] / topStats[0]) {
                    out.add(e.getKey());
                }
            }
            return out;
        }
    }
}
