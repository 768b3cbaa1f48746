package dev.planetary.query.jobs;

import dev.planetary.kernel.change.ChangeRuleViolation;
import dev.planetary.kernel.change.query.TargetParameter;
import dev.planetary.kernel.jobs.JobRun;
import dev.planetary.kernel.jobs.JobRunsQuery;
import dev.planetary.kernel.jobs.Jobs;
import dev.planetary.query.identity.TargetAccess;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** A target's pg_cron jobs and their runs ({@code ?target=}, the default one when none is named), for anyone with a right on it. */
@RestController
@PreAuthorize("hasAnyRole('VIEWER', 'REQUESTER', 'REVIEWER', 'OPERATOR')")
public class JobsController {

    private final JobsReader reader;
    private final TargetAccess access;

    public JobsController(JobsReader reader, TargetAccess access) {
        this.reader = reader;
        this.access = access;
    }

    @GetMapping("/api/jobs")
    public Jobs jobs(@RequestParam(required = false) String target) {
        return reader.read(access.readable(TargetParameter.parse(target)));
    }

    /**
     * The latest runs, newest first: {@code ?job=} one job's (its id), {@code ?status=} of one status ({@code failed=true}
     * says the same as {@code status=failed}), {@code ?since=} started at or after an ISO instant, {@code ?limit=} (at most 500).
     */
    @GetMapping("/api/jobs/runs")
    public List<JobRun> runs(@RequestParam(required = false) String target, @RequestParam(required = false) Long job,
                             @RequestParam(required = false) String status, @RequestParam(defaultValue = "false") boolean failed,
                             @RequestParam(required = false) Instant since, @RequestParam(defaultValue = "100") int limit) {
        String wanted = failed ? "failed" : blankToNull(status);
        if (wanted != null && !JobRun.STATUSES.contains(wanted)) {
            throw new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID,
                    "a run's status is one of " + String.join(", ", JobRun.STATUSES), "status");
        }
        return reader.runs(new JobRunsQuery(access.readable(TargetParameter.parse(target)), job, wanted, since, limit));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
