package org.verbatim.segment;

import java.util.List;

/**
 * What segmentation found: the pairs in order, and who asked and who answered (as written), which
 * fill in the interview's interviewers and candidates when its metadata does not name them.
 */
public record Segmentation(List<Pair> pairs, List<String> interviewers, List<String> interviewees) {

    public Segmentation {
        pairs = List.copyOf(pairs);
        interviewers = List.copyOf(interviewers);
        interviewees = List.copyOf(interviewees);
    }
}
