package org.verbatim.search;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * What can be asked of an archive of interviews, whatever runs it: the embedded Lucene index
 * ({@link Searcher}) or, where an archive outgrows one machine, a search cluster with the same schema.
 * The web layer and the command line talk to this, never to a backend. Every method answers the same
 * records with the same meaning; the documentation of the embedded index's methods is the contract.
 */
public interface Archive extends Closeable {

    /** Interviews that match, with their matching pairs, facet counts and totals; see {@link SearchRequest}. */
    SearchResponse search(SearchRequest req) throws BadQueryException, IOException;

    /** Completions of what is being typed in the search box. */
    List<Suggestion> suggest(String prefix, int limit) throws IOException;

    /** Question groups asked in the interviews the request finds, most asked first. */
    List<QuestionGroupView> questions(SearchRequest req, int limit) throws BadQueryException, IOException;

    /** The labels of the question groups an interview's pairs belong to, by group id. */
    Map<String, String> groupLabels(InterviewDetail d) throws IOException;

    /** A page of the answers to one question group, or {@code null} when there is no such group. */
    CompareResult compare(String groupId, SearchRequest req) throws BadQueryException, IOException;

    /** Every answer to one question group (for export), or {@code null} when there is no such group. */
    CompareResult compareAll(String groupId, SearchRequest req) throws BadQueryException, IOException;

    /** A page of the answers whose question is closest in meaning to {@code text}, best first. */
    CompareResult compareText(String text, SearchRequest req) throws BadQueryException, IOException;

    /** Every answer whose question is close in meaning to {@code text}, best first. */
    CompareResult compareTextAll(String text, SearchRequest req) throws BadQueryException, IOException;

    /** Candidates × question groups: who was asked what, and the start of each answer. */
    Matrix matrix(List<String> groupIds, SearchRequest req, int cellLength) throws BadQueryException, IOException;

    /** A whole interview, or {@code null} when there is none with this id. */
    InterviewDetail interview(String id) throws IOException;

    /** Where an interview's recording is, as its metadata gave it, or {@code null}. */
    String recordingOf(String id) throws IOException;

    /** Interviews, pairs, candidates, formats, size and last update. */
    IndexStats stats() throws IOException;

    /** The model of the archive's answer vectors (meaning search), or {@code null} when it has none. */
    String answerModel() throws IOException;
}
