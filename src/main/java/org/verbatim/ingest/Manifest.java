package org.verbatim.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A CSV manifest for bulk loads: a {@code file} column (relative to the manifest's folder, or absolute)
 * plus metadata columns (id, title, candidates, interviewers, role, date, tags, outcome; lists separated
 * by ';'). A manifest row's fields win over what the file and its sidecar say.
 */
public final class Manifest {

    private final Map<Path, Metadata> rows;
    /** The manifest file itself, or {@code null} for the empty manifest. */
    private final Path source;

    private Manifest(Map<Path, Metadata> rows, Path source) {
        this.rows = rows;
        this.source = source;
    }

    public static Manifest empty() {
        return new Manifest(Map.of(), null);
    }

    /** Reads a manifest; any row that cannot be used is an error naming its line and the problem. */
    public static Manifest read(Path csv) throws IOException, UnreadableFileException {
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        Path base = csv.toAbsolutePath().getParent();
        Map<Path, Metadata> rows = new LinkedHashMap<>();
        String text = TextDecoder.decode(Files.readAllBytes(csv));
        try (MappingIterator<Map<String, String>> it = mapper.readerFor(Map.class).with(schema).readValues(text)) {
            int line = 1;
            while (it.hasNext()) {
                line++;
                Map<String, String> row = it.next();
                String file = null;
                for (Map.Entry<String, String> e : row.entrySet()) {
                    if (e.getKey().trim().equalsIgnoreCase("file") || e.getKey().trim().equalsIgnoreCase("path")) {
                        file = e.getValue();
                    }
                }
                if (file == null || file.isBlank()) {
                    throw new UnreadableFileException("manifest " + csv.getFileName() + " line " + line
                            + ": no 'file' value (the first row must name the columns, one of them 'file')");
                }
                Map<String, Object> fields = new LinkedHashMap<>(row);
                Metadata meta;
                try {
                    meta = MetadataFields.fromMap(fields);
                } catch (UnreadableFileException e) {
                    throw new UnreadableFileException("manifest " + csv.getFileName() + " line " + line + ": " + e.getMessage(), e);
                }
                rows.put(base.resolve(file.strip()).normalize(), meta);
            }
        } catch (JacksonException e) {
            // A header the CSV reader cannot use (an empty first line) fails before the first row.
            throw new UnreadableFileException("manifest " + csv.getFileName() + " is not valid CSV: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        } catch (RuntimeException e) {
            throw new UnreadableFileException("manifest " + csv.getFileName() + " is not valid CSV: " + e.getMessage(), e);
        }
        return new Manifest(rows, csv.toAbsolutePath().normalize());
    }

    /** The manifest's row for a file, or {@code null}. */
    public Metadata rowFor(Path file) {
        return rows.get(file.toAbsolutePath().normalize());
    }

    /** Whether {@code file} is this manifest, which sits beside the transcripts it describes but is not one. */
    public boolean isItself(Path file) {
        return source != null && source.equals(file.toAbsolutePath().normalize());
    }

    /** The files the manifest lists. */
    public java.util.Set<Path> files() {
        return rows.keySet();
    }
}
