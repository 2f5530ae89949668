package org.verbatim.index;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.AlreadyClosedException;

/**
 * An index write that failed, described for the person who ran it: what was being done, why (a full
 * disk is named as such), and what state the archive is left in.
 */
final class WriteFailure {

    private WriteFailure() {
    }

    /** Whether the failure (IOException, or Lucene's writer closed by one) should be described rather than passed on. */
    static boolean isWriteFailure(Exception e) {
        return e instanceof IOException || (e instanceof AlreadyClosedException && e.getCause() instanceof IOException);
    }

    static IOException describe(Exception e, String doing, String consequence) {
        String why = rootMessage(e);
        String what = isDiskFull(e) ? "the disk is full" : "cannot write the index";
        return new IOException(what + " while " + doing + " (" + why + "); " + consequence, e);
    }

    /**
     * Frees the space taken by files a failed writer left behind: opening a writer on the last commit
     * deletes every file it does not reference, and rolling back changes nothing else.
     */
    static void removeUnreferencedFiles(Path generation) {
        try (Directory dir = FSDirectory.open(generation);
             IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            writer.rollback();
        } catch (IOException | RuntimeException e) {
            // best effort: the next successful run removes them too
        }
    }

    static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("No space left on device") || m.contains("not enough space on the disk")
                    || m.contains("Disk quota exceeded"))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
