package org.verbatim.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admin endpoints need {@code Authorization: Bearer TOKEN} with the token the server was given
 * ({@code VERBATIM_ADMIN_TOKEN}); without one configured they are off (403). Tokens are compared in
 * constant time; failures are logged without the token.
 */
final class AdminAuth {

    private static final Logger LOG = LoggerFactory.getLogger(AdminAuth.class);

    private final byte[] token;

    AdminAuth(String token) {
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    /** Returns the acting admin's name for logs, or throws the right HTTP error. */
    String check(Context ctx) {
        if (token == null) {
            throw new ForbiddenException("admin endpoints are off: start the server with VERBATIM_ADMIN_TOKEN set");
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            ctx.header("WWW-Authenticate", "Bearer");
            LOG.warn("admin request without a token from {} to {} {}", ctx.ip(), ctx.method(), ctx.path());
            throw new UnauthorizedException("this endpoint needs 'Authorization: Bearer TOKEN'");
        }
        byte[] given = header.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token)) {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            LOG.warn("admin request with a wrong token from {} to {} {}", ctx.ip(), ctx.method(), ctx.path());
            throw new UnauthorizedException("the bearer token is not valid");
        }
        return "admin@" + ctx.ip();
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
}
