package org.verbatim.ingest;

import java.nio.file.Path;

/**
 * A transcript as loaded from disk: where it came from, a hash of everything that went into it (the
 * file, its sidecar, its manifest row), and what was read.
 */
public record SourceFile(Path path, String hash, Transcript transcript) {
}
