package org.verbatim.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.verbatim.support.Fixtures;

class SkillExtractorTest {

    private final SkillExtractor x = new SkillExtractor(Fixtures.skills());

    @Test
    void aliasesCaseAndInflectionMapToTheCanonicalName() {
        assertEquals(List.of("Kubernetes"), x.skills("We ran three Kubernetes clusters."));
        assertEquals(List.of("Kubernetes"), x.skills("everything runs on k8s"));
        assertEquals(List.of("Kubernetes"), x.skills("our K8s setup"));
        assertEquals(List.of("PostgreSQL"), x.skills("we migrated to Postgres last year"));
        assertEquals(List.of("Apache Kafka"), x.skills("Kafka's consumer groups were lagging"));
        assertEquals(List.of("Docker"), x.skills("a handful of Docker containers"));
    }

    @Test
    void speechToTextWithoutCapitalsIsJudgedByContextNotCase() {
        // Acronyms lower-cased by speech-to-text: context decides.
        assertEquals(List.of("TypeScript", "Next.js"), x.skills("ts on the client next js for the app shell"));
        assertEquals(List.of("CI/CD"), x.skills("every merge builds on ci and runs the tests"));
        assertTrue(x.skills("she has a ts clearance from her army days").isEmpty());
        // Where the text has capitals, a lower-case acronym is another word.
        assertTrue(x.skills("It runs on ci, I think, and Jenkins deploys it.").stream().noneMatch(s -> s.equals("TypeScript")));
        // A particle after a name does not make it a verb; after a verb it does.
        assertEquals(List.of("Apache Airflow"), x.skills("so we used airflow to schedule all the dags"));
        assertEquals(List.of("Apache Kafka"), x.skills("we go back to kafka whenever the queue backs up"));
    }

    @Test
    void anOrdinaryWordNeedsItsOwnContextNotJustAnotherSkillNearby() {
        assertEquals(List.of("Kubernetes"), x.skills("we had one node in our k8s cluster that kept falling over"));
        assertEquals(List.of("Apache Kafka"), x.skills("each node runs a kafka broker"));
        // A form the vocabulary writes in lower case ("ping") says nothing by its case: it needs its own context.
        assertEquals(List.of("Apache Kafka", "Go"), x.skills("We designed it so pings land in Kafka, a Golang consumer keeps the rest"));
        assertTrue(x.skills("we saw packet loss so I ran ping and traceroute from each host").contains("ICMP"));
        assertTrue(x.skills("the backend was node with express and npm scripts").contains("Node.js"));
    }

    @Test
    void namesListedTogetherAreNamesOfOneKind() {
        assertEquals(List.of("React", "Angular", "Vue.js"), x.skills("React, Angular, Vue, I've used all three."));
        assertEquals(List.of("Flutter", "Dart"), x.skills("so flutter and dart, one codebase for both stores"));
        assertTrue(x.skills("we had to go and react quickly when the spring storms came").isEmpty());
    }

    @Test
    void namesGarbledBySpeechToTextAreFoundByTheirSoundWithContext() {
        assertEquals(List.of("Kubernetes", "Helm"), x.skills("we deployed everything on cooper netties with helm charts"));
        assertTrue(x.skills("the main database was post grass and we had two read replicas").contains("PostgreSQL"));
        assertTrue(x.skills("i love cooper and my dog netties").isEmpty());
        assertTrue(x.skills("the lawn was mostly post grass after the drought").isEmpty());
    }

    @Test
    void symbolsInNamesAreKept() {
        assertEquals(List.of("C#", ".NET"), x.skills("I write C# on .NET mostly."));
        assertEquals(List.of("C++"), x.skills("the gateway is C++"));
        assertEquals(List.of("C", "C++"), x.skills("I know C/C++ well"));
        assertEquals(List.of("Node.js"), x.skills("a small Node.js service"));
        assertTrue(x.skills("I got a C in chemistry").isEmpty());
    }

    @Test
    void wordScanFindsWhatTheTokenPatternFinds() {
        List<String> texts = new java.util.ArrayList<>(List.of("C/C++ and CI/CD, k8s/Docker", "Kafka's", "e.g. .NET", "a--b",
                "x.y.z#", "++C", "C+++", "naïve café", "Straße 2½ Ⅻ", "\uD835\uDC00bc", "\uDC00a\uD835", "it’s", "'quoted'"));
        java.util.Random random = new java.util.Random(3);
        String alphabet = "aZ9é½.'’/-+# \uD835\uDC00";
        for (int k = 0; k < 20_000; k++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(14); i >= 0; i--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(sb.toString());
        }
        for (String text : texts) {
            java.util.regex.Matcher m = SkillExtractor.TOKEN.matcher(text);
            int[] span = new int[2];
            int from = 0;
            while (m.find()) {
                assertTrue(SkillExtractor.nextToken(text, from, span), text);
                assertEquals(List.of(m.start(), m.end()), List.of(span[0], span[1]), text);
                from = span[1];
            }
            assertTrue(!SkillExtractor.nextToken(text, from, span), text);
        }
    }

    @Test
    void longestNameWins() {
        assertEquals(List.of("Spring Boot"), x.skills("a Spring Boot service"));
        assertEquals(List.of("React Native"), x.skills("the app is React Native"));
    }

    @Test
    void falseFriendsNeedContext() {
        assertTrue(x.skills("Let's go ahead and start.").isEmpty());
        assertTrue(x.skills("Go ahead, tell me about yourself.").isEmpty());
        assertTrue(x.skills("Last spring we hired two people.").isEmpty());
        assertTrue(x.skills("my bike was covered in rust").isEmpty());
        assertEquals(List.of("Go"), x.skills("I rewrote the ingestion service in Go because of goroutines."));
        assertEquals(List.of("Rust"), x.skills("Rust's borrow checker took a while to learn, but the code is solid."));
        assertTrue(x.skills("How did the engineers react when you proposed it?").isEmpty());
        assertTrue(x.skills("I'd go with whatever the team knows, honestly, for the backend code.").isEmpty());
        assertTrue(x.skills("a Spring application with Hibernate and JPA").contains("Spring"));
    }

    @Test
    void mentionsPointAtWhatWasWritten() {
        String text = "We moved to k8s and Postgres.";
        List<SkillExtractor.Mention> m = x.mentions(text);
        assertEquals("k8s", text.substring(m.get(0).start(), m.get(0).end()));
        assertEquals("Postgres", text.substring(m.get(1).start(), m.get(1).end()));
    }

    @Test
    void aUserFileIsMergedOverTheBuiltInVocabulary(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path file = tmp.resolve("extra.json");
        java.nio.file.Files.writeString(file, "{\"skills\": [{\"name\": \"Frobnicator\", \"category\": \"tool\", \"aliases\": [\"frob\"]},"
                + " {\"name\": \"Kubernetes\", \"category\": \"devops\", \"aliases\": [\"k8s\", \"kates\"]}]}");
        SkillVocabulary v = SkillVocabulary.load(file);
        assertEquals(Fixtures.skills().size() + 1, v.size());
        SkillExtractor e = new SkillExtractor(v);
        assertEquals(List.of("Frobnicator", "Kubernetes"), e.skills("we frob things on kates"));
    }

    @Test
    void theBuiltInVocabularyIsLargeAndConsistent() {
        SkillVocabulary v = Fixtures.skills();
        assertTrue(v.size() >= 300, "skills: " + v.size());
        java.util.Map<String, String> owner = new java.util.HashMap<>();
        for (Skill s : v.skills()) {
            for (String f : s.forms()) {
                String prev = owner.put(f.toLowerCase(java.util.Locale.ROOT), s.name());
                assertTrue(prev == null || prev.equals(s.name()), f + " belongs to both " + prev + " and " + s.name());
            }
            for (String a : s.ambiguous()) {
                assertTrue(s.forms().contains(a), s.name() + ": ambiguous form " + a + " is not one of its forms");
                assertTrue(!s.context().isEmpty(), s.name() + " has ambiguous forms but no context");
            }
        }
    }
}
