package org.verbatim.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One writer per index folder, across processes: an OS file lock on {@code writer.lock}, which holds the
 * writer's process id so that a second writer can say who is in the way. The OS releases the lock when
 * the process dies, even on {@code kill -9}.
 */
public final class WriterLock implements AutoCloseable {

    public static final String FILE = "writer.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private WriterLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock or throws {@link IndexLockedException} naming the process that holds it. */
    public static WriterLock acquire(Path root) throws IOException {
        Files.createDirectories(root);
        Path file = root.resolve(FILE);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        }
        if (l == null) {
            String holder = "another process";
            try {
                String pid = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!pid.isEmpty()) {
                    holder = "process " + pid;
                }
            } catch (IOException ignored) {
                // keep the generic wording
            }
            ch.close();
            throw new IndexLockedException("the index at " + root + " is locked by " + holder
                    + ", which is writing to it; wait for it to finish", null);
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)), 0);
        ch.force(false);
        return new WriterLock(ch, l);
    }

    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0);
        } catch (IOException ignored) {
            // the lock is released either way
        }
        lock.release();
        channel.close();
    }
}
