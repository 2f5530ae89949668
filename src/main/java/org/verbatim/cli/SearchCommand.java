package org.verbatim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.verbatim.config.Settings;
import org.verbatim.search.BadQueryException;
import org.verbatim.search.FacetValue;
import org.verbatim.search.Hit;
import org.verbatim.search.Match;
import org.verbatim.search.NoIndexException;
import org.verbatim.search.SearchRequest;
import org.verbatim.search.SearchResponse;
import org.verbatim.search.Archive;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search the archive with Lucene query syntax: words (all must occur), \"phrases\", AND/OR/NOT,",
            "wildcards (kub*), fuzzy (kuberntes~), and the fields question:, answer:, speaker:, candidate:."})
public final class SearchCommand implements Callable<Integer> {

    private final Settings settings;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ArchiveOptions archive = new ArchiveOptions();

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Interviews to show (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--page", paramLabel = "N", defaultValue = "1", description = "Page of results (default: ${DEFAULT-VALUE}).")
    int page;

    @Option(names = "--filter", paramLabel = "FACET=VALUE", description = "Only interviews with this facet value (candidate, interviewer, role, year, tag, format); repeatable.")
    List<String> filters = new ArrayList<>();

    @Option(names = "--in", paramLabel = "WHERE", defaultValue = "all", description = "Search all, question or answer text (default: ${DEFAULT-VALUE}).")
    String in;

    @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "relevance", description = "relevance or date (default: ${DEFAULT-VALUE}).")
    String sort;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "keyword",
            description = {"keyword (the query's words), semantic (its meaning) or hybrid (both, fused by rank); the last two need an",
                "archive indexed with --semantic (default: ${DEFAULT-VALUE})."})
    String mode;

    @Parameters(paramLabel = "QUERY", arity = "0..*", description = "The query; empty lists every interview, newest first.")
    List<String> query = List.of();

    public SearchCommand(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Archive searcher = archive.open(settings, null)) {
            SearchRequest req = new SearchRequest(String.join(" ", query), page, limit, parseSort(sort), parseScope(in),
                    parseFilters(filters), null, null, 3, SearchRequest.Mode.named(mode));
            SearchResponse res = searcher.search(req);
            if (archive.json) {
                out.println(Json.write(res));
            } else {
                print(out, res, Terminal.isInteractive());
            }
            out.flush();
            return ExitCodes.OK;
        } catch (BadQueryException e) {
            err.println("verbatim search: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (NoIndexException e) {
            err.println("verbatim search: " + e.getMessage());
            return ExitCodes.NO_INDEX;
        } catch (Exception e) {
            return Failures.report("search", err, e);
        }
    }

    static Map<String, List<String>> parseFilters(List<String> raw) throws BadQueryException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String f : raw) {
            int eq = f.indexOf('=');
            if (eq <= 0 || eq == f.length() - 1) {
                throw new BadQueryException("--filter must be FACET=VALUE (got: '" + f + "')");
            }
            out.computeIfAbsent(f.substring(0, eq).strip(), k -> new ArrayList<>()).add(f.substring(eq + 1).strip());
        }
        return out;
    }

    static SearchRequest.SortOrder parseSort(String s) throws BadQueryException {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "relevance" -> SearchRequest.SortOrder.RELEVANCE;
            case "date" -> SearchRequest.SortOrder.DATE;
            default -> throw new BadQueryException("sort must be relevance or date (got: '" + s + "')");
        };
    }

    static SearchRequest.Scope parseScope(String s) throws BadQueryException {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "all" -> SearchRequest.Scope.ALL;
            case "question" -> SearchRequest.Scope.QUESTION;
            case "answer" -> SearchRequest.Scope.ANSWER;
            default -> throw new BadQueryException("in must be all, question or answer (got: '" + s + "')");
        };
    }

    private static void print(PrintWriter out, SearchResponse res, boolean ansi) {
        out.printf("%d interview%s, %d matching answer%s (%d ms)%n", res.total().interviews(),
                res.total().interviews() == 1 ? "" : "s", res.total().answers(), res.total().answers() == 1 ? "" : "s", res.tookMs());
        int n = 0;
        for (Hit h : res.results()) {
            n++;
            var iv = h.interview();
            List<String> facts = new ArrayList<>();
            if (iv.date() != null) {
                facts.add(iv.date());
            }
            if (!iv.candidates().isEmpty()) {
                facts.add(String.join(", ", iv.candidates()));
            }
            if (iv.role() != null) {
                facts.add(iv.role());
            }
            out.printf("%n%d. %s%s  [%s]%n", n, iv.title(), facts.isEmpty() ? "" : " (" + String.join(" · ", facts) + ")", iv.id());
            for (Match m : h.matches()) {
                String time = m.start() == null ? "" : " " + org.verbatim.ingest.Timecodes.format(m.start());
                if (m.question() != null && !m.question().isEmpty()) {
                    out.printf("   Q: %s%n", Terminal.render(m.questionSnippet(), ansi));
                }
                out.printf("   A (%s%s): %s%n", m.speaker() == null ? "answer" : m.speaker(), time, Terminal.render(m.answerSnippet(), ansi));
            }
        }
        if (res.timedOut()) {
            out.printf("%nThe search hit its time limit: these are the results found so far; the counts are lower bounds.%n");
        }
        if (res.didYouMean() != null) {
            out.printf("%nDid you mean: %s%n", res.didYouMean());
        }
    }
}
