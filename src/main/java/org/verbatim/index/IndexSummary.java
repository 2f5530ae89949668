package org.verbatim.index;

import java.util.List;

/**
 * What an indexing run did, for people and scripts.
 *
 * @param files      transcript files considered
 * @param interviews interviews written in this run (new or changed)
 * @param pairs      question/answer pairs written in this run
 * @param unchanged  files skipped because their content hash was already indexed
 * @param failed     files that could not be read, each with the reason
 * @param removed    interviews removed because their file is gone ({@code --prune}); for a dry run, the
 *                   interviews a rebuild would drop
 * @param generation the index generation written (or, for a dry run, the live one)
 * @param dryRun     nothing was written
 */
public record IndexSummary(int files, int interviews, int pairs, int unchanged, List<Failure> failed, long tookMs,
                           int removed, String generation, boolean dryRun) {

    public IndexSummary {
        failed = List.copyOf(failed);
    }

    /** A file that was not indexed, and why, in words a person can act on. */
    public record Failure(String file, String error) {
    }
}
