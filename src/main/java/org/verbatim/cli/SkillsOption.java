package org.verbatim.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.verbatim.config.Settings;
import org.verbatim.enrich.SkillVocabulary;
import picocli.CommandLine.Option;

/** {@code --skills FILE}: a user's skill vocabulary merged over the built-in one. */
final class SkillsOption {

    @Option(names = "--skills", paramLabel = "FILE", description = "Extra skills (JSON, same form as the built-in vocabulary) merged over the built-in ones (default: $VERBATIM_SKILLS).")
    Path skills;

    SkillVocabulary load(Settings settings) throws IOException {
        return SkillVocabulary.load(skills != null ? skills : settings.skillsFile());
    }
}
