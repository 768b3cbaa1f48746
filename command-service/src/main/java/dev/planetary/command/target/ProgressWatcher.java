package dev.planetary.command.target;

import dev.planetary.kernel.change.StepProgress;
import dev.planetary.kernel.plan.OutsideTransaction.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads a running statement's {@code pg_stat_progress_*} row every second, on a connection of its
 * own, and reports it when the phase changes or the work done moves by a percent or more. Each
 * reading is its own short transaction (autocommit, 2 s timeout): an open snapshot here would make
 * CREATE INDEX CONCURRENTLY wait for this very watcher.
 */
final class ProgressWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProgressWatcher.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "planetary-progress");
        thread.setDaemon(true);
        return thread;
    });
    private final Connection connection;
    private final PreparedStatement query;
    private final Consumer<StepProgress> report;
    private StepProgress last;

    private ProgressWatcher(Connection connection, PreparedStatement query, Consumer<StepProgress> report) {
        this.connection = connection;
        this.query = query;
        this.report = report;
    }

    /** Starts watching backend {@code pid}; a statement without a progress view gets a watcher that reads nothing. */
    static ProgressWatcher watch(DdlDatabase database, int pid, Progress view, Consumer<StepProgress> report) {
        if (view == Progress.NONE) {
            return new ProgressWatcher(null, null, report);
        }
        try {
            Connection connection = database.connection();
            connection.setAutoCommit(true);
            try (java.sql.Statement settings = connection.createStatement()) {
                settings.execute("SET statement_timeout = '2s'");
            }
            PreparedStatement query = connection.prepareStatement(sql(view));
            query.setInt(1, pid);
            ProgressWatcher watcher = new ProgressWatcher(connection, query, report);
            watcher.timer.scheduleWithFixedDelay(watcher::read, 500, 1000, TimeUnit.MILLISECONDS);
            return watcher;
        } catch (SQLException e) {
            log.warn("progress is not watched: {}", e.getMessage());
            return new ProgressWatcher(null, null, report);
        }
    }

    /** phase, then blocks done/total, then tuples done/total (PostgreSQL 15 column names). */
    private static String sql(Progress view) {
        return switch (view) {
            case CREATE_INDEX -> "SELECT phase, blocks_done, blocks_total, tuples_done, tuples_total"
                    + " FROM pg_catalog.pg_stat_progress_create_index WHERE pid = ?";
            case VACUUM -> "SELECT phase, heap_blks_scanned, heap_blks_total, 0::bigint, 0::bigint"
                    + " FROM pg_catalog.pg_stat_progress_vacuum WHERE pid = ?";
            case CLUSTER -> "SELECT phase, heap_blks_scanned, heap_blks_total, heap_tuples_written, 0::bigint"
                    + " FROM pg_catalog.pg_stat_progress_cluster WHERE pid = ?";
            case NONE -> throw new IllegalArgumentException("no progress view");
        };
    }

    private void read() {
        try (ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                return;
            }
            long blocksTotal = row.getLong(3);
            StepProgress now = blocksTotal > 0 ? new StepProgress(row.getString(1), row.getLong(2), blocksTotal)
                    : new StepProgress(row.getString(1), row.getLong(4), row.getLong(5));
            if (worthReporting(now)) {
                last = now;
                report.accept(now);
            }
        } catch (SQLException | RuntimeException e) {
            log.debug("progress reading failed: {}", e.getMessage());
        }
    }

    private boolean worthReporting(StepProgress now) {
        return last == null || !last.phase().equals(now.phase()) || Math.abs(now.percent() - last.percent()) >= 1;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        if (connection != null) {
            try {
                timer.awaitTermination(2, TimeUnit.SECONDS);
                connection.close();
            } catch (SQLException e) {
                log.debug("closing the progress connection: {}", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
