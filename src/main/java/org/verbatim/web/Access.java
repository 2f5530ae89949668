package org.verbatim.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may call the API. With users (a users file), every API request but the health check needs
 * {@code Authorization: Bearer TOKEN} of a user; admin endpoints need an admin. The admin token from the
 * environment ({@code VERBATIM_ADMIN_TOKEN}), if set, also acts as an admin. Without users the API is open
 * (the server then listens on this machine only) and admin endpoints need the admin token, or are off.
 *
 * <p>Tokens are compared in constant time. Each failure is logged without the token and counted per
 * client address; too many in a row and that address gets 429 for a while, even with a good token.
 */
public final class Access {

    private static final Logger LOG = LoggerFactory.getLogger(Access.class);

    /** Who made a request, for the access log and the admin check. */
    record Identity(String name, Users.Role role) {
    }

    private final java.util.function.Supplier<Users> users;
    private final byte[] adminToken;
    private final FailedAttempts failures;

    public Access(Users users, String adminToken) {
        this(() -> users, adminToken);
    }

    /** @param users the users as they are now (see {@link Users#watch}) */
    public Access(java.util.function.Supplier<Users> users, String adminToken) {
        this(users, adminToken, new FailedAttempts(10, java.time.Duration.ofMinutes(5), System::nanoTime));
    }

    Access(java.util.function.Supplier<Users> users, String adminToken, FailedAttempts failures) {
        this.users = users;
        this.adminToken = adminToken == null || adminToken.isBlank() ? null : adminToken.getBytes(StandardCharsets.UTF_8);
        this.failures = failures;
    }

    /** No users and no admin token: the API is open and admin endpoints are off. */
    public static Access open() {
        return new Access(Users.none(), null);
    }

    public boolean usersRequired() {
        return !users.get().isEmpty();
    }

    /** Runs before every API request: with users, lets only a known user through (the health check is open). */
    void check(Context ctx) {
        if (!usersRequired() || ctx.path().equals("/api/health")) {
            return;
        }
        identify(ctx);
    }

    /** For admin endpoints: the acting admin as {@code name@address}, or the right HTTP error. */
    String requireAdmin(Context ctx) {
        if (adminToken == null && !usersRequired()) {
            throw new ForbiddenException("admin endpoints are off: start the server with VERBATIM_ADMIN_TOKEN set, or with users (--users FILE)");
        }
        Identity who = ctx.attribute("identity");
        if (who == null) {
            who = identify(ctx);
        }
        if (who.role() != Users.Role.ADMIN) {
            LOG.warn("user '{}' (a {}) was refused {} {}", who.name(), who.role().label(), ctx.method(), ctx.path());
            throw new ForbiddenException("this endpoint needs an admin; '" + who.name() + "' is a " + who.role().label());
        }
        return who.name() + "@" + ctx.ip();
    }

    /**
     * For corrections to the question groups: anyone on an archive without users (everyone there may read
     * and correct, as on a team's own machine), an admin where there are users. Returns who acted.
     */
    String requireCurator(Context ctx) {
        if (!usersRequired()) {
            return "anonymous@" + ctx.ip();
        }
        return requireAdmin(ctx);
    }

    /** Whether this request may correct question groups ({@link #requireCurator}), without failing. */
    boolean mayCurate(Context ctx) {
        if (!usersRequired()) {
            return true;
        }
        Identity who = ctx.attribute("identity");
        return who != null && who.role() == Users.Role.ADMIN;
    }

    private Identity identify(Context ctx) {
        String ip = ctx.ip();
        long wait = failures.secondsBlocked(ip);
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            throw new TooManyFailuresException("too many failed attempts from " + ip + "; try again in " + wait + " s");
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new UnauthorizedException("this archive needs a user's token: send 'Authorization: Bearer TOKEN' "
                    + "(an administrator creates one with 'verbatim users add NAME')");
        }
        String token = header.substring("Bearer ".length()).strip();
        Identity who = null;
        if (adminToken != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), adminToken)) {
            who = new Identity("admin", Users.Role.ADMIN);
        } else {
            Users.User u = users.get().authenticate(token);
            if (u != null) {
                who = new Identity(u.name(), u.role());
            }
        }
        if (who == null) {
            failures.record(ip);
            LOG.warn("a request with a wrong token from {} to {} {}", ip, ctx.method(), ctx.path());
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            throw new UnauthorizedException("the bearer token is not valid");
        }
        failures.clear(ip);
        ctx.attribute("identity", who);
        ctx.attribute("user", who.name() + "@" + ip);
        return who;
    }

    static final class ForbiddenException extends RuntimeException {
        ForbiddenException(String message) {
            super(message);
        }
    }

    static final class UnauthorizedException extends RuntimeException {
        UnauthorizedException(String message) {
            super(message);
        }
    }

    static final class TooManyFailuresException extends RuntimeException {
        TooManyFailuresException(String message) {
            super(message);
        }
    }
}
