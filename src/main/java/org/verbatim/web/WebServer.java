package org.verbatim.web;

import io.javalin.Javalin;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.verbatim.search.BadQueryException;
import org.verbatim.search.LiveIndex;
import org.verbatim.search.NoIndexException;

/**
 * The HTTP server: the JSON API under {@code /api}, the front end everywhere else, and the mapping of
 * errors to {@code application/problem+json} (400 bad request or query, 404 unknown id, 503 no index,
 * 500 with a generic message and one log line). Never a stack trace or an HTML error page.
 */
public final class WebServer {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    /** No inline script or style, nothing from other origins but recordings (which cannot run code), no framing. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' https: http:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final Javalin app;
    private final Admin admin;

    public WebServer(LiveIndex index, Path webDir) {
        this(index, webDir, Admin.off(index));
    }

    public WebServer(LiveIndex index, Path webDir, Admin admin) {
        this(index, webDir, admin, null);
    }

    /** @param mediaDir the folder recordings named by a path are served from, or {@code null} for none */
    public WebServer(LiveIndex index, Path webDir, Admin admin, Path mediaDir) {
        this.admin = admin;
        Access access = admin.access();
        Recordings recordings = new Recordings(mediaDir, index, java.time.Clock.systemUTC());
        ApiRoutes api = new ApiRoutes(index, recordings, access);
        Corrections corrections = new Corrections(access, index);
        StaticFiles files = new StaticFiles(webDir);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.requestLogger.http(AccessLog::log);
            config.routes.before(ctx -> {
                ctx.header("Content-Security-Policy", CSP);
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("X-Frame-Options", "DENY");
                ctx.header("Referrer-Policy", "no-referrer");
                if (ctx.path().startsWith("/api/")) {
                    ctx.header("Cache-Control", "no-store");
                    if (!recordings.signedRequest(ctx)) {
                        access.check(ctx);
                    }
                }
            });
            config.routes.get("/api/search", api::search);
            config.routes.get("/api/interviews/{id}", api::interview);
            config.routes.get("/api/interviews/{id}/recording", recordings::serve);
            config.routes.get("/api/suggest", api::suggest);
            config.routes.get("/api/questions", api::questions);
            config.routes.get("/api/questions/corrections", corrections::list);
            config.routes.post("/api/questions/merge", corrections::merge);
            config.routes.post("/api/questions/split", corrections::split);
            config.routes.post("/api/questions/rename", corrections::rename);
            config.routes.get("/api/compare", api::compare);
            config.routes.get("/api/compare.csv", api::compareCsv);
            config.routes.get("/api/matrix", api::matrix);
            config.routes.get("/api/health", api::health);
            config.routes.post("/api/admin/reindex", admin::reindex);
            config.routes.get("/api/admin/jobs/{id}", admin::job);
            config.routes.delete("/api/interviews/{id}", admin::deleteInterview);
            config.routes.get("/*", ctx -> {
                if (ctx.path().startsWith("/api/")) {
                    Json.problem(ctx, 404, "Not Found", "no API endpoint " + ctx.path());
                    return;
                }
                StaticFiles.Asset a = files.find(ctx.path());
                if (a == null) {
                    Json.problem(ctx, 404, "Not Found", "no such page: " + ctx.path());
                    return;
                }
                ctx.contentType(a.contentType()).result(a.bytes());
            });
            config.routes.exception(BadRequestException.class, (e, ctx) -> Json.problem(ctx, 400, "Bad Request", e.getMessage()));
            config.routes.exception(BadQueryException.class, (e, ctx) -> Json.problem(ctx, 400, "Bad Request", e.getMessage()));
            config.routes.exception(NotFoundException.class, (e, ctx) -> Json.problem(ctx, 404, "Not Found", e.getMessage()));
            config.routes.exception(Access.ForbiddenException.class, (e, ctx) -> Json.problem(ctx, 403, "Forbidden", e.getMessage()));
            config.routes.exception(Access.UnauthorizedException.class, (e, ctx) -> Json.problem(ctx, 401, "Unauthorized", e.getMessage()));
            config.routes.exception(Access.TooManyFailuresException.class, (e, ctx) -> Json.problem(ctx, 429, "Too Many Requests", e.getMessage()));
            config.routes.exception(org.verbatim.index.IndexLockedException.class, (e, ctx) -> Json.problem(ctx, 409, "Conflict", e.getMessage()));
            config.routes.exception(NoIndexException.class, (e, ctx) -> Json.problem(ctx, 503, "Service Unavailable", e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
                Json.problem(ctx, 500, "Internal Server Error", "the server could not answer this request; the error is in its log");
            });
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    Json.problem(ctx, 404, "Not Found", "no such path: " + ctx.path());
                }
            });
            config.routes.error(405, ctx -> Json.problem(ctx, 405, "Method Not Allowed", ctx.method() + " is not allowed on " + ctx.path()));
        });
    }

    /** Starts listening; {@code port} 0 picks a free port. */
    public WebServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    public void stop() {
        admin.stop();
        app.stop();
    }
}
