package org.verbatim.search;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A facet value and the number of interviews that have it. For the {@code question} facet the value is
 * the question group's id and {@code label} its wording; other facets have no label.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FacetValue(String value, long count, String label) {

    public FacetValue(String value, long count) {
        this(value, count, null);
    }
}
