package org.verbatim.search;

/** A facet value and the number of interviews that have it. */
public record FacetValue(String value, long count) {
}
