package dev.planetary.query.jobs;

import dev.planetary.kernel.jobs.CronJob;
import dev.planetary.kernel.jobs.JobRun;
import dev.planetary.kernel.jobs.JobRunsQuery;
import dev.planetary.kernel.jobs.Jobs;
import dev.planetary.kernel.jobs.JobsQuery;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.query.catalog.CatalogSql;
import dev.planetary.query.health.MonitoringSession;
import dev.planetary.query.target.MetadataTargets;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Reads a target's pg_cron jobs and their runs ({@code cron.job}, {@code cron.job_run_details}) with the
 * monitoring session's short timeouts. Where pg_cron is missing it says what to install; where the metadata
 * login sees only its own jobs (pg_cron's row-level security) it says which policy shows them all.
 */
@Component
public class JobsReader {

    static final String NOT_INSTALLED = "pg_cron is not installed in this database. On the server: install the package"
            + " (Debian: postgresql-15-cron), add pg_cron to shared_preload_libraries, set cron.database_name to this database,"
            + " restart, then CREATE EXTENSION pg_cron here.";
    private static final String READINESS = CatalogSql.resource("/jobs/readiness.sql");
    private static final String JOBS = CatalogSql.resource("/jobs/jobs.sql");
    private static final String RUNS = CatalogSql.resource("/jobs/runs.sql");
    private static final int MAX_RUNS = 500;

    private final MetadataTargets targets;

    public JobsReader(MetadataTargets targets) {
        this.targets = targets;
    }

    @QueryHandler
    public Jobs handle(JobsQuery query) {
        return read(query.target());
    }

    @QueryHandler
    public List<JobRun> handle(JobRunsQuery query) {
        return runs(query);
    }

    public Jobs read(TargetId target) {
        return MonitoringSession.read(targets.database(target), jdbc -> {
            Readiness readiness = jdbc.sql(READINESS).query((rs, row) -> new Readiness(rs.getBoolean("installed"),
                    rs.getBoolean("sees_all"), rs.getString("login"), rs.getString("time_zone"))).single();
            if (!readiness.installed()) {
                return Jobs.unavailable(NOT_INSTALLED);
            }
            List<CronJob> jobs = jdbc.sql(JOBS).query((rs, row) -> job(rs)).list();
            String partial = readiness.seesAll() ? null : "Planetary's metadata login (" + readiness.login() + ") sees only the jobs"
                    + " that run as itself: pg_cron shows each login its own. To show every job a superuser runs CREATE POLICY"
                    + " planetary_reads_jobs ON cron.job FOR SELECT TO " + readiness.login() + " USING (true), and the same ON"
                    + " cron.job_run_details.";
            return new Jobs(null, partial, readiness.timeZone(), jobs);
        });
    }

    public List<JobRun> runs(JobRunsQuery query) {
        return MonitoringSession.read(targets.database(query.target()), jdbc -> {
            boolean installed = jdbc.sql("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'pg_cron')")
                    .query(Boolean.class).single();
            if (!installed) {
                return List.<JobRun>of();
            }
            return jdbc.sql(RUNS).param("job", query.jobId()).param("status", query.status())
                    .param("since", query.since() == null ? null : OffsetDateTime.ofInstant(query.since(), ZoneOffset.UTC))
                    .param("limit", Math.max(1, Math.min(query.limit(), MAX_RUNS)))
                    .query((rs, row) -> run(rs, "runid")).list();
        });
    }

    private record Readiness(boolean installed, boolean seesAll, String login, String timeZone) {
    }

    private static CronJob job(ResultSet rs) throws SQLException {
        JobRun last = rs.getObject("runid") == null ? null : run(rs, "runid");
        return new CronJob(rs.getLong("jobid"), rs.getString("jobname"), rs.getString("schedule"), rs.getString("command"),
                rs.getString("database"), rs.getString("username"), rs.getBoolean("active"), last,
                java.util.Arrays.stream((Object[]) rs.getArray("recent").getArray()).map(String::valueOf).toList());
    }

    private static JobRun run(ResultSet rs, String runColumn) throws SQLException {
        return new JobRun(rs.getLong("jobid"), rs.getLong(runColumn), rs.getString("status"), instant(rs.getTimestamp("start_time")),
                instant(rs.getTimestamp("end_time")), rs.getString("return_message"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
