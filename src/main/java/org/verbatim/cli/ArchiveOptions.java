package org.verbatim.cli;

import java.io.IOException;
import org.verbatim.config.Settings;
import org.verbatim.enrich.QuestionGrouping;
import org.verbatim.search.Archive;
import org.verbatim.search.Searcher;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What the reading commands share: which index, which skills, and JSON output. */
final class ArchiveOptions {

    @Mixin
    IndexOption indexOption = new IndexOption();

    @Mixin
    SkillsOption skillsOption = new SkillsOption();

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    /** Opens the index; {@code grouping} is needed only to compare a question given in free text. */
    Archive open(Settings settings, QuestionGrouping grouping) throws IOException {
        return Searcher.open(indexOption.resolve(settings.defaultIndex()), skillsOption.load(settings), grouping);
    }
}
