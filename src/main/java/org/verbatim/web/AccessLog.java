package org.verbatim.web;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.time.Instant;
import org.slf4j.LoggerFactory;

/**
 * Who searched for what and opened which interview: one JSON line per API request, written by Logback
 * to a file that rolls over daily and keeps 90 days, because candidates' data is personal data. Set
 * up by the server only, so command-line runs write no access log.
 */
public final class AccessLog {

    static final String LOGGER = "verbatim.access";
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(LOGGER);

    private AccessLog() {
    }

    /** Sends access lines to {@code file} (rolled daily as file.YYYY-MM-DD.gz). */
    public static void install(Path file) {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(ctx);
        appender.setName("access");
        appender.setFile(file.toString());
        TimeBasedRollingPolicy<ILoggingEvent> policy = new TimeBasedRollingPolicy<>();
        policy.setContext(ctx);
        policy.setParent(appender);
        policy.setFileNamePattern(file + ".%d{yyyy-MM-dd}.gz");
        policy.setMaxHistory(90);
        policy.start();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(ctx);
        encoder.setPattern("%msg%n");
        encoder.start();
        appender.setRollingPolicy(policy);
        appender.setEncoder(encoder);
        appender.start();
        Logger logger = ctx.getLogger(LOGGER);
        logger.setAdditive(false);
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        logger.addAppender(appender);
    }

    /** Logs an API request: time, user, method, path, the search words, the interview opened, status, duration. */
    static void log(Context ctx, Float ms) {
        if (!ctx.path().startsWith("/api/")) {
            return;
        }
        ObjectNode line = Json.MAPPER.createObjectNode();
        line.put("time", Instant.now().toString());
        Object user = ctx.attribute("user");
        line.put("user", user == null ? "anonymous@" + ctx.ip() : user.toString());
        line.put("method", ctx.method().name());
        line.put("path", ctx.path());
        String q = ctx.queryParam("q");
        if (q != null) {
            line.put("query", q);
        }
        String text = ctx.queryParam("text");
        if (text != null) {
            line.put("text", text);
        }
        if (ctx.path().startsWith("/api/interviews/")) {
            line.put("interview", ctx.path().substring("/api/interviews/".length()));
        }
        line.put("status", ctx.statusCode());
        line.put("ms", ms == null ? 0 : Math.round(ms));
        LOG.info(line.toString());
    }
}
