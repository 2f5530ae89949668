package org.verbatim.it;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.verbatim.search.LiveIndex;
import org.verbatim.support.Fixtures;
import org.verbatim.web.WebServer;

/** Browser tests over the samples: a server over their index, and a fresh Chromium for each test. */
abstract class SamplePages extends InBrowser {

    static LiveIndex index;
    static WebServer server;

    @BeforeAll
    static void startServer() throws Exception {
        Fixtures.index(tmp.resolve("index"), Path.of("samples"));
        index = new LiveIndex(tmp.resolve("index"), Fixtures.skills(), Fixtures.grouping(), Duration.ofSeconds(1));
        server = new WebServer(index, null).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.stop();
        index.close();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }
}
