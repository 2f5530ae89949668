package org.verbatim.bench;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;

/** A fixed set of JDBC connections shared by the client threads (one per concurrent client at most). */
final class Connections implements AutoCloseable {

    interface Work<T> {
        T run(Connection c) throws Exception;
    }

    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();

    Connections(int size, Callable<Connection> open) throws Exception {
        idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            Connection c = open.call();
            all.add(c);
            idle.add(c);
        }
    }

    <T> T with(Work<T> work) throws Exception {
        Connection c = idle.take();
        try {
            return work.run(c);
        } finally {
            idle.add(c);
        }
    }

    @Override
    public void close() throws Exception {
        for (Connection c : all) {
            c.close();
        }
    }
}
