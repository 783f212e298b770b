package io.detectorstudio.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one writer of the SQLite database, with group commit: work handed in by any thread is queued, and the
 * committer thread runs everything queued so far in ONE transaction, then completes each piece's future. So a
 * caller's future completes only when its writes are on disk ({@code synchronous=FULL} in WAL mode: the commit
 * is fsynced), and a burst of N calls costs one flush, not N.
 */
public final class Journal implements AutoCloseable {

    /** Work run inside the group's transaction. */
    @FunctionalInterface
    public interface Op {
        void run(Connection connection) throws SQLException;
    }

    /**
     * A record's request as it was received (JSON bytes) and its de-duplication keys: logged as is, so the journal
     * does not serialise the parsed request again; the record itself then goes without its {@code request} member.
     */
    public record Request(byte[] body, String messageIds) { }

    private record Pending(long seq, com.fasterxml.jackson.databind.node.ObjectNode record, Request request,
                           List<Op> ops, CompletableFuture<Void> done) { }

    private static final Pending STOP = new Pending(-1, null, null, List.of(), null);
    private static final int MAX_GROUP = 20_000;

    private final Connection connection;
    private final PreparedStatement appendLog;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread committer;
    private final AtomicLong commits = new AtomicLong();
    private volatile boolean failed;

    public Journal(Path database, boolean durable) throws SQLException {
        try {
            Files.createDirectories(database.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create " + database.getParent() + ": " + e.getMessage(), e);
        }
        connection = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath());
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=" + (durable ? "FULL" : "OFF"));
            s.execute("PRAGMA busy_timeout=10000");
            Store.createSchema(s);
        }
        connection.setAutoCommit(false);
        connection.commit();
        appendLog = connection.prepareStatement("INSERT INTO log(seq, t, record, ids, request) VALUES (?, ?, ?, ?, ?)");
        committer = new Thread(this::commitLoop, "serve-journal");
        committer.setDaemon(true);
        committer.start();
    }

    /** Read access for start-up, before any work is queued (the committer owns the connection afterwards). */
    public Connection connectionForStartup() {
        return connection;
    }

    /**
     * Queues a log record (seq > 0; written as JSON on the journal's thread, so it must not change afterwards —
     * without its {@code request} member when {@code request} gives the bytes received) and/or other writes; the
     * future completes once they are durable. Calls come in seq order (the engine thread is the only caller that
     * logs).
     */
    public CompletableFuture<Void> append(long seq, com.fasterxml.jackson.databind.node.ObjectNode record,
                                          Request request, List<Op> ops) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (failed) {
            done.completeExceptionally(Errors.unavailable("the state database failed; see the server log"));
            return done;
        }
        queue.add(new Pending(seq, record, request, ops, done));
        return done;
    }

    public long commits() {
        return commits.get();
    }

    private void commitLoop() {
        List<Pending> group = new ArrayList<>();
        while (true) {
            try {
                Pending first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MAX_GROUP);
                boolean stop = group.removeIf(p -> p == STOP); // identity: records compare deeply
                commit(group);
                group.clear();
                if (stop) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void commit(List<Pending> group) {
        if (group.isEmpty()) {
            return;
        }
        try {
            boolean logged = false;
            for (Pending p : group) {
                if (p.seq > 0) {
                    appendLog.setLong(1, p.seq);
                    appendLog.setLong(2, p.record.path("t").asLong());
                    if (p.request == null) {
                        appendLog.setString(3, p.record.toString());
                        appendLog.setString(4, Store.messageIds(p.record));
                        appendLog.setNull(5, java.sql.Types.BLOB);
                    } else {
                        appendLog.setString(3, Store.withoutRequest(p.record));
                        appendLog.setString(4, p.request.messageIds());
                        appendLog.setBytes(5, p.request.body());
                    }
                    appendLog.addBatch();
                    logged = true;
                }
                for (Op op : p.ops) {
                    if (logged) {
                        appendLog.executeBatch(); // keep log rows and other writes in queue order
                        logged = false;
                    }
                    op.run(connection);
                }
            }
            if (logged) {
                appendLog.executeBatch();
            }
            connection.commit();
            commits.incrementAndGet();
            group.forEach(p -> p.done.complete(null));
        } catch (SQLException | RuntimeException e) {
            failed = true;
            System.err.println("serve: the state database failed: " + e);
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // already reported
            }
            group.forEach(p -> p.done.completeExceptionally(
                    Errors.unavailable("the state database failed: " + e.getMessage())));
        }
    }

    /** Commits what is queued, then closes the database. */
    @Override
    public void close() throws SQLException {
        queue.add(STOP);
        try {
            committer.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        appendLog.close();
        connection.close();
    }
}
