package org.verbatim.bench;

/**
 * A query of the mix. {@code words} are plain words; the kind says how to combine them: a term, a phrase,
 * AND, OR; or a skill filter, a facet request, or a compare request.
 */
record BenchQuery(Kind kind, String[] words) {

    enum Kind { RARE_TERM, MEDIUM_TERM, COMMON_TERM, PHRASE_2, PHRASE_3, AND, OR, SKILL_FILTER, FACETS, COMPARE }

    String label() {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
