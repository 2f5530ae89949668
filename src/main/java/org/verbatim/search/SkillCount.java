package org.verbatim.search;

/** A skill an interview mentions, its category, and how many of the interview's pairs mention it. */
public record SkillCount(String name, String category, int pairs) {
}
