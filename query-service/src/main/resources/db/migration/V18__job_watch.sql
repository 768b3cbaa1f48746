-- How far the job watcher has read each target's cron.job_run_details (runs after it are looked at).
CREATE TABLE job_watermark (
    target      text PRIMARY KEY,
    last_run_id bigint NOT NULL
);

-- The jobs the watcher has seen (since when: a job owes no run from before that) and the last due run it
-- reported missed, so each missed run is reported once whichever instance sees it first.
CREATE TABLE job_watch (
    target        text        NOT NULL,
    job_id        bigint      NOT NULL,
    first_seen    timestamptz NOT NULL,
    late_reported timestamptz,
    PRIMARY KEY (target, job_id)
);
