package org.verbatim.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The people who may use a server that is reachable from other machines, read from a users file: one user
 * per line, tab-separated: name, role ({@code reader} or {@code admin}), key id, salt and the SHA-256 of salt
 * and secret (both hex). Blank lines and lines starting with {@code #} are ignored.
 *
 * <p>A token is {@code vbt_KEYID_SECRET}: the key id finds the user, the secret is checked against the
 * salted hash in constant time. Tokens are 256-bit random values, so a fast hash is safe and keeps every
 * request cheap; the file never holds a token.
 */
public final class Users {

    public enum Role {
        READER, ADMIN;

        public static Role parse(String s) {
            return switch (s.strip().toLowerCase(Locale.ROOT)) {
                case "reader" -> READER;
                case "admin" -> ADMIN;
                default -> throw new IllegalArgumentException("the role must be 'reader' or 'admin' (got: '" + s + "')");
            };
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record User(String name, Role role, String keyId, byte[] salt, byte[] hash) {
    }

    private static final String PREFIX = "vbt_";
    private static final Pattern NAME = Pattern.compile("[^\\t\\r\\n#][^\\t\\r\\n]{0,99}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private final Map<String, User> byKey;

    private Users(Map<String, User> byKey) {
        this.byKey = byKey;
    }

    public static Users none() {
        return new Users(Map.of());
    }

    public boolean isEmpty() {
        return byKey.isEmpty();
    }

    public List<User> list() {
        return List.copyOf(byKey.values());
    }

    /** Reads a users file; a missing file has no users. Errors name the file and line. */
    public static Users read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return none();
        }
        Map<String, User> users = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            try {
                if (f.length != 5) {
                    throw new IllegalArgumentException("expected 5 tab-separated fields (name, role, key id, salt, hash), found " + f.length);
                }
                User u = new User(f[0], Role.parse(f[1]), f[2], HEX.parseHex(f[3]), HEX.parseHex(f[4]));
                if (u.hash().length != 32) {
                    throw new IllegalArgumentException("the hash must be 64 hex digits");
                }
                if (users.putIfAbsent(u.keyId(), u) != null) {
                    throw new IllegalArgumentException("key id " + u.keyId() + " appears twice");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new Users(users);
    }

    /**
     * The users of a file as it is now: read again when the file changes (looked at no more than once a
     * second), so {@code verbatim users add} and {@code remove} apply without a restart. A file that
     * stops parsing leaves the last good users in place, with a warning in the log.
     */
    public static java.util.function.Supplier<Users> watch(Path file, Users initial) {
        return new java.util.function.Supplier<>() {
            private Users current = initial;
            private java.nio.file.attribute.FileTime seen = modified(file);
            private long checkedAt = System.nanoTime();

            @Override
            public synchronized Users get() {
                long now = System.nanoTime();
                if (now - checkedAt < 1_000_000_000L) {
                    return current;
                }
                checkedAt = now;
                java.nio.file.attribute.FileTime m = modified(file);
                if (java.util.Objects.equals(m, seen)) {
                    return current;
                }
                try {
                    current = read(file);
                    seen = m;
                    org.slf4j.LoggerFactory.getLogger(Users.class).info("users file {} read again: {} users", file, current.byKey.size());
                } catch (IOException | IllegalArgumentException e) {
                    org.slf4j.LoggerFactory.getLogger(Users.class).warn("users file {} was not read again, keeping the last good one: {}",
                            file, e.getMessage());
                }
                return current;
            }
        };
    }

    private static java.nio.file.attribute.FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null;
        }
    }

    /** The user holding this token, or {@code null}. The secret is compared in constant time. */
    public User authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return null;
        }
        int sep = token.indexOf('_', PREFIX.length());
        if (sep < 0) {
            return null;
        }
        User u = byKey.get(token.substring(PREFIX.length(), sep));
        byte[] secret = token.substring(sep + 1).getBytes(StandardCharsets.US_ASCII);
        if (u == null) {
            hash(new byte[16], secret); // the same work whether or not the key id exists
            return null;
        }
        return MessageDigest.isEqual(hash(u.salt(), secret), u.hash()) ? u : null;
    }

    /**
     * Adds a user to the file (created if missing, readable by its owner only) and returns the new token,
     * which is shown once and stored nowhere.
     */
    public static String add(Path file, String name, Role role) throws IOException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a user name is 1 to 100 characters, without tabs or line breaks, not starting with '#' (got: '"
                    + name + "')");
        }
        Users existing = read(file);
        for (User u : existing.byKey.values()) {
            if (u.name().equals(name)) {
                throw new IllegalArgumentException("there is already a user named '" + name + "' in " + file
                        + "; remove it first to give it a new token");
            }
        }
        String keyId = HEX.formatHex(randomBytes(6));
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
        byte[] salt = randomBytes(16);
        byte[] hash = hash(salt, secret.getBytes(StandardCharsets.US_ASCII));
        List<String> lines = Files.exists(file) ? new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8)) : new ArrayList<>();
        if (lines.isEmpty()) {
            lines.add("# Verbatim users: name, role, key id, salt, SHA-256(salt + secret). Managed by 'verbatim users'.");
        }
        lines.add(String.join("\t", name, role.label(), keyId, HEX.formatHex(salt), HEX.formatHex(hash)));
        write(file, lines);
        return PREFIX + keyId + "_" + secret;
    }

    /** Removes the named user; returns whether there was one. */
    public static boolean remove(Path file, String name) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        read(file); // refuse to rewrite a file that does not parse
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> kept = lines.stream()
                .filter(l -> l.isBlank() || l.startsWith("#") || !l.split("\t", -1)[0].equals(name)).toList();
        if (kept.size() == lines.size()) {
            return false;
        }
        write(file, kept);
        return true;
    }

    private static void write(Path file, List<String> lines) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".users", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system; the folder's permissions apply
            }
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static byte[] hash(byte[] salt, byte[] secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(secret);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
