package org.verbatim.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {

    @Test
    void manifestWhoseHeaderLineIsEmptyIsUnreadableAndSaysWhy(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("batch.csv"), "\nfile,title\nfirst.txt,First\n");

        UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> Manifest.read(csv));

        assertEquals("manifest batch.csv is not valid CSV: Empty header line: can not bind data (line 1)", e.getMessage());
    }
}
