package org.verbatim.segment;

import java.time.LocalDate;
import java.util.List;

/**
 * An interview ready to index: its metadata (given, or found in the transcript), where it came from,
 * and its question/answer pairs in order.
 *
 * @param source the file's absolute path
 * @param format the format's label, as the {@code format} facet shows it
 * @param hash   the hash of the inputs, used to skip unchanged files
 */
public record Interview(
        String id,
        String title,
        List<String> candidates,
        List<String> interviewers,
        String role,
        LocalDate date,
        List<String> tags,
        String outcome,
        String recording,
        String source,
        String format,
        String hash,
        List<Pair> pairs) {

    public Interview {
        candidates = List.copyOf(candidates);
        interviewers = List.copyOf(interviewers);
        tags = List.copyOf(tags);
        pairs = List.copyOf(pairs);
    }

    public Interview withPairs(List<Pair> value) {
        return new Interview(id, title, candidates, interviewers, role, date, tags, outcome, recording, source, format, hash, value);
    }
}
