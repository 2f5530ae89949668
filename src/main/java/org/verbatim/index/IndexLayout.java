package org.verbatim.index;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How an index folder is laid out: numbered generations ({@code gen-000001}, {@code gen-000002}...),
 * each a complete Lucene index, and a small pointer file {@code CURRENT} naming the live one. A full
 * rebuild writes the next generation beside the live one and then switches the pointer (write, fsync,
 * atomic rename), so readers see either the old or the new complete index, never a mix. A folder that
 * holds a Lucene index directly (older layout) is its own single generation.
 */
public final class IndexLayout {

    public static final String POINTER = "CURRENT";
    private static final Pattern GENERATION = Pattern.compile("gen-(\\d{6,})");

    private final Path root;

    public IndexLayout(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** The live generation's folder (it may not exist yet for a new index). */
    public Path current() throws IOException {
        Path pointer = root.resolve(POINTER);
        if (Files.isRegularFile(pointer)) {
            String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
            if (!GENERATION.matcher(name).matches()) {
                throw new IOException("the index pointer " + pointer + " names '" + name + "', not a generation folder");
            }
            return root.resolve(name);
        }
        if (hasLuceneIndex(root)) {
            return root;
        }
        return root.resolve(name(1));
    }

    /** The name of the live generation, for change detection; {@code null} before there is one. */
    public String currentName() throws IOException {
        Path pointer = root.resolve(POINTER);
        if (Files.isRegularFile(pointer)) {
            return Files.readString(pointer, StandardCharsets.UTF_8).strip();
        }
        return hasLuceneIndex(root) ? "." : null;
    }

    /** A new, empty folder for the next generation (after every existing one). */
    public Path nextGeneration() throws IOException {
        Files.createDirectories(root);
        int max = 0;
        for (Path g : generations()) {
            max = Math.max(max, number(g));
        }
        Path next = root.resolve(name(max + 1));
        Files.createDirectories(next);
        return next;
    }

    /** Makes {@code generation} the live one: the pointer is written to a temporary file, synced, and renamed. */
    public void switchTo(Path generation) throws IOException {
        Path tmp = root.resolve(POINTER + ".tmp");
        byte[] bytes = (generation.getFileName().toString() + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap(bytes));
            ch.force(true);
        }
        try {
            Files.move(tmp, root.resolve(POINTER), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("this file system cannot rename atomically; the index pointer was not switched", e);
        }
        syncDirectory(root);
    }

    /** Every generation folder, oldest first. */
    public List<Path> generations() throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> s = Files.list(root)) {
            s.filter(p -> Files.isDirectory(p) && GENERATION.matcher(p.getFileName().toString()).matches()).forEach(out::add);
        }
        out.sort(Comparator.comparingInt(IndexLayout::number));
        return out;
    }

    /** Removes every generation but the live one (old ones after a switch, unfinished ones after a crash). */
    public int removeOthers() throws IOException {
        Path live = current();
        int removed = 0;
        for (Path g : generations()) {
            if (!g.equals(live)) {
                deleteTree(g);
                removed++;
            }
        }
        return removed;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static boolean hasLuceneIndex(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith("segments_"));
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Not every platform can sync a directory; the rename itself is atomic.
        }
    }

    private static String name(int n) {
        return String.format("gen-%06d", n);
    }

    private static int number(Path p) {
        Matcher m = GENERATION.matcher(p.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }
}
