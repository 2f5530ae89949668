package org.verbatim.enrich;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.verbatim.segment.Interview;
import org.verbatim.segment.Pair;

/** Adds what is derived from the words to an interview's pairs: the skills each pair mentions. Thread-safe. */
public final class Enricher {

    private final SkillExtractor skills;

    public Enricher(SkillExtractor skills) {
        this.skills = skills;
    }

    public SkillExtractor skillExtractor() {
        return skills;
    }

    public Interview enrich(Interview interview) {
        List<Pair> out = new ArrayList<>(interview.pairs().size());
        for (Pair p : interview.pairs()) {
            LinkedHashSet<String> found = new LinkedHashSet<>(skills.skills(p.answer()));
            found.addAll(skills.skills(p.question()));
            out.add(p.withSkills(List.copyOf(found)));
        }
        return interview.withPairs(out);
    }
}
