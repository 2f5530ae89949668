package org.verbatim.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a deterministic archive of realistic job interviews for benchmarks: the same seed gives the same
 * bytes. Several roles, thousands of candidates, a pool of interviewers, dates over seven years, 15 to 40
 * question/answer pairs per interview drawn from a bank of questions with many wordings, answers that
 * mention skills under their aliases and numbers, words drawn with Zipf-like frequencies, and a mix of
 * the formats Verbatim reads, with metadata. About 25 kB of text per interview.
 */
public final class CorpusGenerator {

    private static final String[] ROLES = {"Backend Engineer", "Frontend Engineer", "Data Engineer", "Product Manager",
        "Mobile Engineer", "Site Reliability Engineer", "Machine Learning Engineer", "Engineering Manager"};
    private static final String[] FIRST = {"Ana", "Ben", "Chloe", "Daniel", "Elif", "Farid", "Grace", "Hiro", "Ines", "Jonas",
        "Kenji", "Lena", "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Ravi", "Sofia", "Tomas", "Uma", "Victor", "Wen", "Xavier",
        "Yusuf", "Zoe", "Aisha", "Bruno", "Carla", "Dmitri", "Emma", "Felix", "Gita", "Hugo", "Ivy", "Jamal", "Kira", "Liam",
        "Maya", "Nico", "Olga", "Pavel", "Rosa", "Sami", "Tara", "Ulf", "Vera", "Will", "Yara", "Zane"};
    private static final String[] LAST = {"Souza", "Okafor", "Watanabe", "Hoffmann", "Menon", "Marchetti", "Whitfield",
        "Alvarez", "Dubois", "Demir", "Novak", "Kowalski", "Larsen", "Haddad", "Nguyen", "Schmidt", "Rossi", "Silva", "Kim",
        "Patel", "Garcia", "Ivanova", "Tanaka", "Moreau", "Jensen", "Costa", "Fischer", "Yilmaz", "Brennan", "Lindqvist",
        "Mensah", "Ortiz", "Petrov", "Quist", "Reyes", "Sato", "Torres", "Ueda", "Varga", "Weber", "Xu", "Young", "Zhou",
        "Abbott", "Baker", "Chen", "Diaz", "Evans", "Ford", "Gupta"};
    /** Each underlying question in several wordings, as different interviewers ask it. */
    private static final String[][] QUESTIONS = {
        {"Could you walk me through a challenging project you've worked on recently?", "Tell me about a hard project you worked on.",
            "What's the most difficult thing you've built?", "What's the toughest technical problem you've solved in the last year?"},
        {"Why do you want to join us?", "What attracts you to this role?", "Why this company?", "What made you apply here?"},
        {"Why are you leaving your current job?", "What has you looking for something new?", "Why are you on the market right now?"},
        {"How do you approach learning new technologies?", "How do you get up to speed on a tool you've never used?",
            "How do you learn a new technology?"},
        {"Tell me about a time you disagreed with a teammate.", "How do you handle a disagreement with a colleague?",
            "Describe a conflict with a peer and how you resolved it."},
        {"How do you handle production incidents?", "Walk me through what you do when production goes down.",
            "Tell me about an outage you handled."},
        {"Describe a system you designed.", "Walk me through the architecture of something you built.",
            "What's a system design you owned, and what trade-offs did you make?"},
        {"How do you test your code?", "What's your approach to testing?", "How do you make sure your changes work before they ship?"},
        {"What's your approach to code review?", "What do you look for when reviewing a pull request?"},
        {"How do you prioritise a roadmap?", "How do you decide what to build first?", "How do you prioritize the backlog?"},
        {"What's your biggest weakness?", "What's an area you need to improve in?"},
        {"What's your biggest strength?", "What are you best at?"},
        {"Tell me about a time you failed.", "What's a mistake you made and what did you learn from it?"},
        {"How do you mentor junior engineers?", "Tell me about helping someone early in their career grow."},
        {"How do you handle technical debt?", "How do you balance new features against cleaning up old code?"},
        {"How do you estimate work?", "How do you figure out how long a task will take?"},
        {"Where do you see yourself in five years?", "What are your long-term career goals?"},
        {"Do you have any questions for us?", "Is there anything you'd like to ask me?"},
        {"How do you scale a system?", "Tell me about making a service handle much more traffic."},
        {"How do you choose a database for a project?", "How do you decide between SQL and NoSQL?"},
        {"How do you keep stakeholders informed?", "How do you manage stakeholders on a project?"},
        {"How do you measure whether a feature was successful?", "What metrics tell you a launch worked?"},
        {"How do you debug a problem you can't reproduce?", "Walk me through how you debug."},
        {"What are your salary expectations?", "What compensation range are you looking for?"},
        {"How do you work under pressure?", "What do you do when a deadline moves up?"},
    };
    /** Skills as people say them, aliases included. */
    private static final String[] SKILLS = {"Kubernetes", "k8s", "Kafka", "PostgreSQL", "Postgres", "MySQL", "Redis", "Docker",
        "Terraform", "AWS", "GCP", "Azure", "Python", "Java", "Go", "Golang", "Rust", "C#", ".NET", "C++", "TypeScript",
        "JavaScript", "JS", "React", "ReactJS", "Node.js", "GraphQL", "Spark", "Airflow", "dbt", "Snowflake", "Spring Boot",
        "Elasticsearch", "microservices", "CI/CD", "TDD", "gRPC", "Kotlin", "Swift", "Flutter", "Django", "FastAPI", "Pandas",
        "PyTorch", "TensorFlow", "Prometheus", "Grafana", "Datadog", "RabbitMQ", "MongoDB", "BigQuery", "Redshift"};
    private static final String[] OPENERS = {"So", "Yeah, so", "Honestly,", "Um, so", "Well,", "Right, so", "I'd say", "Okay, so"};
    private static final String[] CONNECTORS = {"and then", "but", "so", "because", "which meant", "and honestly", "after that"};
    /** Common words, most frequent first; rank r is drawn with probability ~ 1/r (Zipf). */
    private static final String[] COMMON = ("the team service data we system users time customers work people code project "
            + "problem change release production pipeline database latency traffic cost quality design review test feature "
            + "deploy migration metrics dashboard incident alert query cache queue batch stream schema model api client "
            + "backend frontend platform infrastructure cluster job load request response error failure retry timeout "
            + "throughput budget roadmap stakeholder product decision tradeoff rollout experiment onboarding documentation "
            + "ownership priority deadline estimate scope risk dependency bottleneck refactor legacy monolith module library "
            + "framework version upgrade security compliance privacy audit permission token session login payment invoice "
            + "order shipment warehouse inventory forecast report analyst finance marketing sales support ticket escalation "
            + "runbook postmortem oncall weekend night morning quarter month week sprint standup retro planning hiring mentor "
            + "junior senior staff manager director vp ceo startup company office remote hybrid conference talk blog").split(" ");

    private final SplittableRandom random;
    private final String[] rare;

    public CorpusGenerator(long seed) {
        this.random = new SplittableRandom(seed);
        // A long tail of rare, made-up terms (product names, internal jargon) that only a few interviews use.
        SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        String[] syllables = {"ka", "lo", "mir", "ten", "vo", "zu", "qua", "rex", "pil", "dor", "sen", "tiv", "bra", "nok", "fel", "gar"};
        rare = new String[5000];
        for (int i = 0; i < rare.length; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 2 + r.nextInt(3);
            for (int k = 0; k < n; k++) {
                sb.append(syllables[r.nextInt(syllables.length)]);
            }
            rare[i] = sb.toString();
        }
    }

    /** Writes {@code n} interviews into {@code out}; returns the bytes written. */
    public long write(int n, Path out) throws IOException {
        Files.createDirectories(out);
        long bytes = 0;
        String[] interviewers = new String[40];
        for (int i = 0; i < interviewers.length; i++) {
            interviewers[i] = pick(FIRST) + " " + pick(LAST);
        }
        for (int i = 0; i < n; i++) {
            bytes += interview(i, out, interviewers);
        }
        return bytes;
    }

    private long interview(int i, Path out, String[] interviewers) throws IOException {
        String candidate = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)] + " " + (char) ('A' + random.nextInt(26)) + ".";
        String interviewer = interviewers[random.nextInt(interviewers.length)];
        String role = ROLES[Math.min(ROLES.length - 1, (int) Math.floor(Math.abs(random.nextGaussian()) * 2.2))];
        LocalDate date = LocalDate.of(2019, 1, 1).plusDays(random.nextInt(7 * 365));
        String id = String.format(Locale.ROOT, "gen-%07d", i);
        String title = role + " interview with " + candidate;
        int pairs = 15 + random.nextInt(26);
        List<String[]> turns = new ArrayList<>();
        turns.add(new String[] {interviewer, "Hi " + candidate.split(" ")[0] + ", thanks for joining. I'm " + interviewer.split(" ")[0]
                + ". Could you start by telling me a bit about your background?"});
        turns.add(new String[] {candidate, answer()});
        for (int p = 1; p < pairs; p++) {
            String[] wordings = QUESTIONS[random.nextInt(QUESTIONS.length)];
            String q = wordings[random.nextInt(wordings.length)];
            if (random.nextInt(3) == 0) {
                q = pick(new String[] {"That makes sense.", "Interesting.", "Great, thanks.", "Okay, cool."}) + " " + q;
            }
            turns.add(new String[] {interviewer, q});
            turns.add(new String[] {candidate, answer()});
        }
        String base = String.format(Locale.ROOT, "%s-%s-%s", date, role.toLowerCase(Locale.ROOT).replace(' ', '-'), id);
        String tags = "[" + role.toLowerCase(Locale.ROOT).split(" ")[0] + ", " + (random.nextBoolean() ? "remote" : "onsite") + "]";
        int format = random.nextInt(10);
        if (format < 4) {
            return writeText(out.resolve(base + ".txt"), id, title, candidate, interviewer, role, date, tags, turns, false);
        } else if (format < 6) {
            return writeText(out.resolve(base + ".md"), id, title, candidate, interviewer, role, date, tags, turns, true);
        } else if (format < 8) {
            return writeVtt(out, base, id, title, candidate, interviewer, role, date, turns);
        }
        return writeJson(out.resolve(base + ".json"), id, title, candidate, interviewer, role, date, turns);
    }

    private String answer() {
        StringBuilder sb = new StringBuilder();
        int sentences = 4 + random.nextInt(8);
        for (int s = 0; s < sentences; s++) {
            if (s > 0 && random.nextInt(4) == 0) {
                sb.append("\n\n");
            } else if (s > 0) {
                sb.append(' ');
            }
            sb.append(sentence(s == 0));
        }
        return sb.toString();
    }

    private String sentence(boolean first) {
        StringBuilder sb = new StringBuilder(first ? pick(OPENERS) + " " : "");
        int words = 8 + random.nextInt(14);
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                sb.append(w % 7 == 0 ? " " + pick(CONNECTORS) + " " : " ");
            }
            int roll = random.nextInt(100);
            if (roll < 6) {
                sb.append(pick(SKILLS));
            } else if (roll < 9) {
                sb.append(random.nextInt(5) == 0 ? (random.nextInt(90) + 10) + "%" : Integer.toString(random.nextInt(2000) + 2));
            } else if (roll < 11) {
                sb.append(rare[(int) Math.min(rare.length - 1, Math.floor(Math.pow(random.nextDouble(), 3) * rare.length))]);
            } else {
                sb.append(zipf());
            }
        }
        String s = sb.toString();
        return Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
    }

    /** A common word, rank r with probability proportional to 1/r. */
    private String zipf() {
        double h = Math.log(COMMON.length) + 0.5772;
        double u = random.nextDouble() * h;
        int r = (int) Math.min(COMMON.length - 1, Math.floor(Math.exp(u - 0.5772)));
        return COMMON[Math.max(0, r - 1)];
    }

    private String pick(String[] a) {
        return a[random.nextInt(a.length)];
    }

    private static long writeText(Path file, String id, String title, String candidate, String interviewer, String role,
                                  LocalDate date, String tags, List<String[]> turns, boolean markdown) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("---\nid: " + id + "\ntitle: \"" + title + "\"\ncandidates: [\"" + candidate + "\"]\ninterviewers: [\"" + interviewer
                    + "\"]\nrole: " + role + "\ndate: " + date + "\ntags: " + tags + "\n---\n");
            if (markdown) {
                w.write("# " + title + "\n\n");
            }
            for (String[] t : turns) {
                w.write(markdown ? "**" + t[0] + ":** " + t[1] + "\n\n" : t[0] + ": " + t[1] + "\n\n");
            }
        }
        return Files.size(file);
    }

    private long writeVtt(Path out, String base, String id, String title, String candidate, String interviewer, String role,
                          LocalDate date, List<String[]> turns) throws IOException {
        Path file = out.resolve(base + ".vtt");
        double t = 0;
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("WEBVTT\n\n");
            for (String[] turn : turns) {
                for (String part : turn[1].split("\n\n")) {
                    double len = 1 + part.length() / 15.0;
                    w.write(clock(t) + " --> " + clock(t + len) + "\n<v " + turn[0] + ">" + part + "</v>\n\n");
                    t += len + 0.4;
                }
            }
        }
        ObjectNode meta = new ObjectMapper().createObjectNode();
        meta.put("id", id).put("title", title).put("role", role).put("date", date.toString());
        meta.putArray("candidates").add(candidate);
        meta.putArray("interviewers").add(interviewer);
        Files.writeString(out.resolve(base + ".meta.json"), meta.toString(), StandardCharsets.UTF_8);
        return Files.size(file);
    }

    private static long writeJson(Path file, String id, String title, String candidate, String interviewer, String role,
                                  LocalDate date, List<String[]> turns) throws IOException {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        root.put("verbatim", 1).put("id", id).put("title", title).put("role", role).put("date", date.toString());
        root.putArray("candidates").add(candidate);
        root.putArray("interviewers").add(interviewer);
        ArrayNode ts = root.putArray("turns");
        double t = 0;
        for (String[] turn : turns) {
            double len = 1 + turn[1].length() / 15.0;
            ts.addObject().put("speaker", turn[0]).put("role", turn[0].equals(interviewer) ? "interviewer" : "candidate")
                    .put("text", turn[1]).put("start", Math.round(t * 10) / 10.0).put("end", Math.round((t + len) * 10) / 10.0);
            t += len + 0.5;
        }
        Files.writeString(file, root.toString(), StandardCharsets.UTF_8);
        return Files.size(file);
    }

    private static String clock(double seconds) {
        long ms = Math.round(seconds * 1000);
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", ms / 3_600_000, (ms / 60_000) % 60, (ms / 1000) % 60, ms % 1000);
    }
}
