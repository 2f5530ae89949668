package org.verbatim.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.verbatim.config.Settings;
import org.verbatim.enrich.QuestionGrouping;
import org.verbatim.search.LiveIndex;
import org.verbatim.enrich.Enricher;
import org.verbatim.enrich.SkillExtractor;
import org.verbatim.index.Deleter;
import org.verbatim.index.Indexer;
import org.verbatim.ingest.TranscriptLoader;
import org.verbatim.web.AccessLog;
import org.verbatim.web.Users;
import org.verbatim.web.Access;
import org.verbatim.web.Admin;
import org.verbatim.web.WebServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the search page and the JSON API. Changes to the index made by other",
            "processes (verbatim index) are picked up within a few seconds."})
public final class ServeCommand implements Callable<Integer> {

    private final Settings settings;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    IndexOption indexOption = new IndexOption();

    @Mixin
    SkillsOption skillsOption = new SkillsOption();

    @Mixin
    UsersOption usersOption = new UsersOption();

    @Option(names = "--host", defaultValue = "127.0.0.1", description = {"Address to listen on (default: ${DEFAULT-VALUE}, this machine only).",
        "Any other address needs users (verbatim users add NAME): every API request then needs a user's token."})
    String host;

    @Option(names = "--port", defaultValue = "7070", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--source", paramLabel = "PATH", description = "What a rebuild started with POST /api/admin/reindex reads when the request names nothing; repeatable.")
    java.util.List<Path> sources = new java.util.ArrayList<>();

    @Option(names = "--access-log", paramLabel = "FILE", description = "Where the access log goes (default: access.log in the index folder).")
    Path accessLog;

    @Option(names = "--time-limit", paramLabel = "MS", defaultValue = "2000",
            description = "How long one search may run, in milliseconds, before it answers with what it found, flagged timedOut (default: ${DEFAULT-VALUE}).")
    long timeLimitMs;

    @Option(names = "--media", paramLabel = "DIR", defaultValue = "${env:VERBATIM_MEDIA}",
            description = {"The folder of interview recordings: a recording given as a path (metadata 'recording') is served",
                "from it, with range requests and the transcript's access rules (default: VERBATIM_MEDIA, else none)."})
    Path media;

    @Option(names = "--web", paramLabel = "DIR", description = "Serve the front end from this folder instead of the jar (for front-end work).")
    Path web;

    public ServeCommand(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (web != null && !Files.isRegularFile(web.resolve("index.html"))) {
            err.println("verbatim serve: --web " + web + " has no index.html");
            return ExitCodes.USAGE;
        }
        if (media != null && !Files.isDirectory(media)) {
            err.println("verbatim serve: --media " + media + " is not a folder");
            return ExitCodes.USAGE;
        }
        if (timeLimitMs < 1) {
            err.println("verbatim serve: --time-limit must be at least 1 millisecond (got: " + timeLimitMs + ")");
            return ExitCodes.USAGE;
        }
        Path dir = indexOption.resolve(settings.defaultIndex());
        Path usersFile = usersOption.resolve(dir);
        Users users;
        try {
            users = Users.read(usersFile);
        } catch (IllegalArgumentException e) {
            err.println("verbatim serve: the users file is not valid: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (users.isEmpty() && !isLoopback(host)) {
            err.println("verbatim serve: listening on " + host + " would let other machines read the archive, so every request "
                    + "then needs a user's token, and " + usersFile + " has no users. Create one with\n"
                    + "  verbatim users add NAME --role admin" + (usersOption.users != null ? " --users " + usersFile : "")
                    + (indexOption.index != null ? " --index " + dir : "") + "\nand start again (or listen on 127.0.0.1).");
            return ExitCodes.USAGE;
        }
        java.nio.file.Files.createDirectories(accessLog != null && accessLog.getParent() != null ? accessLog.getParent() : dir);
        AccessLog.install(accessLog != null ? accessLog : dir.resolve("access.log"));
        LiveIndex index = new LiveIndex(dir, skillsOption.load(settings), QuestionGrouping.standard(), Duration.ofSeconds(1),
                Duration.ofMillis(timeLimitMs));
        WebServer server;
        try {
            QuestionGrouping grouping = QuestionGrouping.standard();
            var skills = skillsOption.load(settings);
            Admin admin = new Admin(new Access(Users.watch(usersFile, users), settings.adminToken()),
                    () -> new Indexer(dir, new TranscriptLoader(settings.maxFileBytes()), new Enricher(new SkillExtractor(skills)),
                            grouping, settings.threads()),
                    new Deleter(dir, grouping), index, sources);
            server = new WebServer(index, web, admin, media).start(host, port);
        } catch (RuntimeException e) {
            index.close();
            err.println("verbatim serve: cannot listen on " + host + ":" + port + ": " + rootMessage(e));
            return ExitCodes.ERROR;
        }
        out.printf("Verbatim is serving %s at http://%s:%d/ (Ctrl-C to stop)%n", dir.toAbsolutePath().normalize(),
                host.contains(":") ? "[" + host + "]" : host, server.port());
        if (!users.isEmpty()) {
            out.printf("Every request needs a user's token (%d users in %s).%n", users.list().size(), usersFile);
        }
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            try {
                index.close();
            } catch (java.io.IOException ignored) {
                // exiting anyway
            }
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return ExitCodes.OK;
    }

    private static boolean isLoopback(String host) {
        try {
            return java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
