package dev.planetary.query.jobs;

import dev.planetary.kernel.jobs.CronJob;
import dev.planetary.kernel.jobs.JobFailedEvent;
import dev.planetary.kernel.jobs.JobLateEvent;
import dev.planetary.kernel.jobs.JobLateness;
import dev.planetary.kernel.jobs.Jobs;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.query.catalog.CatalogSql;
import dev.planetary.query.health.MonitoringSession;
import dev.planetary.query.target.MetadataTargets.MetadataTarget;
import dev.planetary.query.target.MetadataTargets;
import dev.planetary.query.target.PerTargetWorkers;
import jakarta.annotation.PreDestroy;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches every target's pg_cron jobs, each on a worker of its own: a run that failed becomes a
 * {@link JobFailedEvent} (the first of a series marked so), an active job that has not run when its schedule said it would (past
 * {@code planetary.jobs.late-after}) a {@link JobLateEvent}; operators hear of both. The read position and
 * what was reported are kept in the control plane and claimed with a compare-and-set, so several instances
 * report each failure once, and a restart neither repeats nor skips one. A first look at a target starts
 * after the runs that ended more than {@link #FIRST_LOOK_BACK} ago: older failures, from before Planetary
 * watched, are not mailed.
 */
@Component
public class JobWatcher {

    private static final Logger log = LoggerFactory.getLogger(JobWatcher.class);
    /** How far back a first look at a target reports failures. */
    static final Duration FIRST_LOOK_BACK = Duration.ofMinutes(10);
    private static final String FINISHED_RUNS = CatalogSql.resource("/jobs/finished_runs.sql");

    private final MetadataTargets targets;
    private final JobsReader reader;
    private final JdbcClient control;
    private final EventGateway events;
    private final Clock clock;
    private final Duration lateAfter;
    private final PerTargetWorkers workers = new PerTargetWorkers("job-watcher");
    private final Map<TargetId, Boolean> unwatchableLogged = new ConcurrentHashMap<>();

    public JobWatcher(MetadataTargets targets, JobsReader reader, JdbcClient control, EventGateway events, Clock clock,
                      @Value("${planetary.jobs.late-after:5m}") Duration lateAfter) {
        this.targets = targets;
        this.reader = reader;
        this.control = control;
        this.events = events;
        this.clock = clock;
        this.lateAfter = lateAfter;
    }

    @Scheduled(fixedDelayString = "${planetary.jobs.watch-every:20s}", initialDelayString = "${planetary.jobs.watch-every:20s}")
    public void watch() {
        workers.forEach(targets.all(), this::watch);
    }

    /** One look at one target's jobs. */
    void watch(MetadataTarget target) {
        TargetId id = target.id();
        Jobs jobs;
        try {
            jobs = reader.read(id);
        } catch (RuntimeException e) {
            if (unwatchableLogged.putIfAbsent(id, true) == null) {
                log.info("the jobs of {} are not watched: they cannot be read ({})", id, e.getMessage());
            }
            return;
        }
        unwatchableLogged.remove(id);
        if (jobs.problem() != null) {
            return; // no pg_cron here
        }
        reportFailures(target);
        reportLate(id, jobs);
    }

    private void reportFailures(MetadataTarget target) {
        TargetId id = target.id();
        Optional<Long> watermark = control.sql("SELECT last_run_id FROM job_watermark WHERE target = ?").param(id.value())
                .query(Long.class).optional();
        if (watermark.isEmpty()) {
            long latest = MonitoringSession.read(target.database(), jdbc -> jdbc.sql(
                            "SELECT COALESCE(max(runid), 0) FROM cron.job_run_details WHERE end_time < now() - CAST(? AS interval)")
                    .param(FIRST_LOOK_BACK.toSeconds() + " seconds").query(Long.class).single());
            control.sql("INSERT INTO job_watermark (target, last_run_id) VALUES (?, ?) ON CONFLICT (target) DO NOTHING")
                    .params(id.value(), latest).update();
            return;
        }
        long after = watermark.get();
        List<JobFailedEvent> failures = new java.util.ArrayList<>();
        long newest = MonitoringSession.read(target.database(), jdbc -> {
            long[] last = {after};
            jdbc.sql(FINISHED_RUNS).param("after", after).query(rs -> {
                last[0] = rs.getLong("runid");
                if ("failed".equals(rs.getString("status"))) {
                    long jobId = rs.getLong("jobid");
                    failures.add(new JobFailedEvent(JobFailedEvent.idOf(id, last[0]), id, jobId,
                            JobFailedEvent.display(rs.getString("jobname"), jobId), last[0], instant(rs.getTimestamp("start_time")),
                            instant(rs.getTimestamp("end_time")), rs.getString("return_message"),
                            !"failed".equals(rs.getString("previous_status"))));
                }
            });
            return last[0];
        });
        // only the instance whose compare-and-set moves the watermark reports these runs
        if (newest > after && control.sql("UPDATE job_watermark SET last_run_id = ? WHERE target = ? AND last_run_id = ?")
                .params(newest, id.value(), after).update() == 1) {
            failures.forEach(events::publish);
        }
    }

    private void reportLate(TargetId id, Jobs jobs) {
        Instant now = clock.instant();
        ZoneId zone = zone(jobs.timeZone());
        for (CronJob job : jobs.jobs()) {
            control.sql("INSERT INTO job_watch (target, job_id, first_seen) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(id.value(), job.id(), Timestamp.from(now)).update();
            Instant firstSeen = control.sql("SELECT first_seen FROM job_watch WHERE target = ? AND job_id = ?")
                    .params(id.value(), job.id()).query(Timestamp.class).single().toInstant();
            JobLateness.missed(job, firstSeen, zone, now, lateAfter).ifPresent(due -> {
                boolean claimed = control.sql("""
                                UPDATE job_watch SET late_reported = ? WHERE target = ? AND job_id = ?
                                  AND late_reported IS DISTINCT FROM ?""")
                        .params(Timestamp.from(due), id.value(), job.id(), Timestamp.from(due)).update() == 1;
                if (claimed) {
                    events.publish(new JobLateEvent(JobLateEvent.idOf(id, job.id(), due), id, job.id(),
                            JobFailedEvent.display(job.name(), job.id()), job.schedule(), due,
                            job.lastRun() == null ? null : job.lastRun().start()));
                }
            });
        }
    }

    static ZoneId zone(String name) {
        try {
            return ZoneId.of(name);
        } catch (RuntimeException e) {
            return ZoneId.of("GMT");
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    @PreDestroy
    void stop() {
        workers.close();
    }
}
