package org.verbatim.enrich;

import java.util.List;

/**
 * A skill of the vocabulary.
 *
 * @param name      the canonical name users see
 * @param category  language, framework, database, practice, soft-skill...
 * @param aliases   other ways it is written or said, matched case-insensitively
 * @param ambiguous forms that are also ordinary words ("Go", "Spring"): they count only when written
 *                  with this capitalisation and a {@code context} word is near
 * @param context   words that show the technical meaning near an ambiguous form
 */
public record Skill(String name, String category, List<String> aliases, List<String> ambiguous, List<String> context) {

    public Skill {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        ambiguous = ambiguous == null ? List.of() : List.copyOf(ambiguous);
        context = context == null ? List.of() : List.copyOf(context);
        category = category == null ? "other" : category;
    }

    /** The name and every alias. */
    public List<String> forms() {
        List<String> out = new java.util.ArrayList<>();
        out.add(name);
        for (String a : aliases) {
            if (!a.equalsIgnoreCase(name)) {
                out.add(a);
            }
        }
        return out;
    }

    public boolean isAmbiguous(String form) {
        return ambiguous.stream().anyMatch(a -> a.equalsIgnoreCase(form));
    }
}
