package org.verbatim.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.verbatim.index.Deleter;
import org.verbatim.index.Indexer;
import org.verbatim.ingest.Manifest;
import org.verbatim.search.LiveIndex;

/** The admin endpoints: background rebuilds and deletion, for admins only (see {@link Access}). */
public final class Admin {

    private final Access access;
    private final ReindexJobs jobs;
    private final Deleter deleter;
    private final LiveIndex live;
    private final List<Path> sources;

    /**
     * @param token    the admin token, or {@code null} to turn the admin endpoints off
     * @param indexers makes the indexer for a rebuild
     * @param sources  what a rebuild reads when the request names nothing
     */
    public Admin(String token, Supplier<Indexer> indexers, Deleter deleter, LiveIndex live, List<Path> sources) {
        this(new Access(Users.none(), token), indexers, deleter, live, sources);
    }

    /** @param access who may call the API and which of them are admins */
    public Admin(Access access, Supplier<Indexer> indexers, Deleter deleter, LiveIndex live, List<Path> sources) {
        this.access = access;
        this.jobs = new ReindexJobs(indexers, live);
        this.deleter = deleter;
        this.live = live;
        this.sources = List.copyOf(sources);
    }

    /** Admin endpoints that are off. */
    public static Admin off(LiveIndex live) {
        return new Admin(Access.open(), () -> null, null, live, List.of());
    }

    void reindex(Context ctx) throws Exception {
        access.requireAdmin(ctx);
        List<Path> paths = new ArrayList<>();
        Manifest manifest = Manifest.empty();
        String body = ctx.body();
        if (!body.isBlank()) {
            JsonNode n;
            try {
                n = Json.MAPPER.readTree(body);
            } catch (com.fasterxml.jackson.core.JacksonException e) {
                throw new BadRequestException("the body must be JSON like {\"paths\": [\"/data/transcripts\"]}: " + e.getOriginalMessage());
            }
            for (JsonNode p : n.path("paths")) {
                paths.add(Path.of(p.asText()));
            }
            if (n.hasNonNull("manifest")) {
                manifest = Manifest.read(Path.of(n.get("manifest").asText()));
            }
        }
        if (paths.isEmpty()) {
            paths.addAll(sources);
        }
        if (paths.isEmpty()) {
            throw new BadRequestException("nothing to read: give {\"paths\": [...]} or start the server with --source DIR");
        }
        for (Path p : paths) {
            if (!java.nio.file.Files.exists(p)) {
                throw new BadRequestException("no such file or folder on the server: " + p);
            }
        }
        ReindexJobs.Job job = jobs.start(paths, manifest);
        ctx.status(202).header("Location", "/api/admin/jobs/" + job.id());
        Json.write(ctx, Map.of("job", job));
    }

    void job(Context ctx) throws Exception {
        access.requireAdmin(ctx);
        ReindexJobs.Job job = jobs.get(ctx.pathParam("id"));
        if (job == null) {
            throw new NotFoundException("no job with id '" + ctx.pathParam("id") + "'");
        }
        Json.write(ctx, Map.of("job", job));
    }

    void deleteInterview(Context ctx) throws Exception {
        String actor = access.requireAdmin(ctx);
        String id = ctx.pathParam("id");
        Deleter.Result r = deleter.deleteInterview(id, false, actor);
        if (r.interviews().isEmpty()) {
            throw new NotFoundException("no interview with id '" + id + "'");
        }
        live.refresh();
        Json.write(ctx, Map.of("deleted", r.interviews(), "pairs", r.pairs()));
    }

    Access access() {
        return access;
    }

    void stop() {
        jobs.stop();
    }
}
