package org.verbatim.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersTest {

    @TempDir
    Path tmp;

    @Test
    void anAddedUsersTokenWorksAndTheFileHoldsOnlyASaltedHash() throws Exception {
        Path file = tmp.resolve("users.tsv");
        String ann = Users.add(file, "Ann Lee", Users.Role.ADMIN);
        String bob = Users.add(file, "bob", Users.Role.READER);
        assertTrue(ann.startsWith("vbt_"), ann);
        assertNotEquals(ann, bob);
        String text = Files.readString(file);
        assertFalse(text.contains(ann.substring(ann.lastIndexOf('_') + 1)), "the file must not hold the secret");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        Users users = Users.read(file);
        assertEquals(List.of("Ann Lee", "bob"), users.list().stream().map(Users.User::name).toList());
        assertEquals("Ann Lee", users.authenticate(ann).name());
        assertEquals(Users.Role.ADMIN, users.authenticate(ann).role());
        assertEquals(Users.Role.READER, users.authenticate(bob).role());
        assertFalse(java.util.Arrays.equals(users.list().get(0).salt(), users.list().get(1).salt()), "each user has their own salt");
    }

    @Test
    void wrongOrMalformedTokensAreRefused() throws Exception {
        Path file = tmp.resolve("users.tsv");
        String ann = Users.add(file, "ann", Users.Role.READER);
        Users users = Users.read(file);
        String keyPart = ann.substring(0, ann.lastIndexOf('_') + 1);
        assertNull(users.authenticate(keyPart + "AAAA"));
        assertNull(users.authenticate(ann + "x"));
        assertNull(users.authenticate("vbt_000000000000_" + ann.substring(ann.lastIndexOf('_') + 1)));
        assertNull(users.authenticate(""));
        assertNull(users.authenticate("vbt_"));
        assertNull(users.authenticate(null));
    }

    @Test
    void namesAreUniqueAndRemovalStopsAToken() throws Exception {
        Path file = tmp.resolve("users.tsv");
        String ann = Users.add(file, "ann", Users.Role.READER);
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> Users.add(file, "ann", Users.Role.ADMIN));
        assertTrue(twice.getMessage().contains("already a user named 'ann'"), twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Users.add(file, "tab\there", Users.Role.READER));
        assertThrows(IllegalArgumentException.class, () -> Users.add(file, "", Users.Role.READER));
        assertTrue(Users.remove(file, "ann"));
        assertFalse(Users.remove(file, "ann"));
        assertNull(Users.read(file).authenticate(ann));
    }

    @Test
    void aBrokenUsersFileIsReportedWithItsLine() throws Exception {
        Path file = tmp.resolve("users.tsv");
        Files.writeString(file, "# comment\n\nann\treader\tabc\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Users.read(file));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("5 tab-separated fields"), e.getMessage());
        Files.writeString(file, "ann\tboss\tabc\t00\t" + "0".repeat(64) + "\n");
        e = assertThrows(IllegalArgumentException.class, () -> Users.read(file));
        assertTrue(e.getMessage().contains("'reader' or 'admin'"), e.getMessage());
        assertTrue(Users.read(tmp.resolve("missing.tsv")).isEmpty());
    }

    @Test
    void anAddressIsBlockedAfterTooManyFailuresUntilTheOldestLeavesTheWindow() {
        AtomicLong now = new AtomicLong();
        FailedAttempts f = new FailedAttempts(3, Duration.ofSeconds(60), now::get);
        f.record("10.0.0.1");
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        f.record("10.0.0.1");
        assertEquals(0, f.secondsBlocked("10.0.0.1"));
        f.record("10.0.0.1");
        assertEquals(50, f.secondsBlocked("10.0.0.1"));
        assertEquals(0, f.secondsBlocked("10.0.0.2"), "other addresses are not affected");
        now.addAndGet(Duration.ofSeconds(50).toNanos());
        assertEquals(0, f.secondsBlocked("10.0.0.1"), "the first failure has left the window");
        f.record("10.0.0.1");
        assertTrue(f.secondsBlocked("10.0.0.1") > 0);
        f.clear("10.0.0.1");
        assertEquals(0, f.secondsBlocked("10.0.0.1"));
    }

    @Test
    void aWatchedUsersFileAppliesChangesAndKeepsTheLastGoodOne() throws Exception {
        Path file = tmp.resolve("users.tsv");
        String ann = Users.add(file, "ann", Users.Role.READER);
        java.util.function.Supplier<Users> watched = Users.watch(file, Users.read(file));
        assertEquals("ann", watched.get().authenticate(ann).name());
        String bob = Users.add(file, "bob", Users.Role.ADMIN);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        long deadline = System.currentTimeMillis() + 5_000;
        while (watched.get().authenticate(bob) == null && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertEquals("bob", watched.get().authenticate(bob).name());
        Files.writeString(file, "not\ta users file\n");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 10_000));
        Thread.sleep(1_100);
        assertEquals("ann", watched.get().authenticate(ann).name(), "a broken file keeps the last good users");
    }
}
