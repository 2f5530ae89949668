package org.verbatim.bench;

import java.util.List;

/** A search engine under test: loads the pairs, answers a query with its top 10, counts matches. */
interface Peer extends AutoCloseable {

    String name();

    /** Loads and indexes the pairs; returns the index size in bytes. */
    long load(List<BenchPair> pairs) throws Exception;

    /** Runs one query of the mix; returns the number of hits it reports (top-10 size or a count). */
    long run(BenchQuery q) throws Exception;

    /** Whether this engine can answer this kind of query at all. */
    boolean supports(BenchQuery q);

    /** Number of pairs matching a plain term, for the correctness check, or -1 if the peer cannot count. */
    long count(String term) throws Exception;

    @Override
    void close() throws Exception;
}
