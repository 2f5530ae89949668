package org.verbatim.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Settings read once from the environment at start and passed down.
 *
 * @param defaultIndex where the index lives when no {@code --index} is given: {@code VERBATIM_INDEX},
 *                     else {@code ./index-data}
 * @param maxFileBytes the largest transcript file read ({@code VERBATIM_MAX_FILE_MB}, default 64 MB)
 * @param threads      parser threads (all cores)
 * @param skillsFile   a user's skill vocabulary merged over the built-in one ({@code VERBATIM_SKILLS}), or {@code null}
 * @param adminToken   the bearer token for admin endpoints ({@code VERBATIM_ADMIN_TOKEN}); {@code null} turns them off
 */
public record Settings(Path defaultIndex, long maxFileBytes, int threads, Path skillsFile, String adminToken) {

    public Settings(Path defaultIndex, long maxFileBytes, int threads, Path skillsFile) {
        this(defaultIndex, maxFileBytes, threads, skillsFile, null);
    }

    public static final String INDEX_ENV = "VERBATIM_INDEX";
    public static final String MAX_FILE_ENV = "VERBATIM_MAX_FILE_MB";
    public static final String SKILLS_ENV = "VERBATIM_SKILLS";
    public static final String ADMIN_TOKEN_ENV = "VERBATIM_ADMIN_TOKEN";

    public static Settings fromEnvironment(Map<String, String> env) {
        String index = env.get(INDEX_ENV);
        long maxMb = 64;
        String max = env.get(MAX_FILE_ENV);
        if (max != null && !max.isBlank()) {
            try {
                maxMb = Long.parseLong(max.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(MAX_FILE_ENV + " must be a whole number of megabytes (got: " + max + ")", e);
            }
        }
        String skills = env.get(SKILLS_ENV);
        return new Settings(Path.of(index == null || index.isBlank() ? "index-data" : index), maxMb * 1024 * 1024,
                Runtime.getRuntime().availableProcessors(), skills == null || skills.isBlank() ? null : Path.of(skills),
                env.get(ADMIN_TOKEN_ENV) == null || env.get(ADMIN_TOKEN_ENV).isBlank() ? null : env.get(ADMIN_TOKEN_ENV));
    }
}
