-- pg_cron's jobs with their last run and the statuses of their latest 20 runs, newest first (metadata
-- about scheduled work, not a table's rows).
SELECT j.jobid, j.jobname, j.schedule, j.command, j.database, j.username, j.active,
       r.runid, r.status, r.start_time, r.end_time, r.return_message,
       ARRAY(SELECT d.status FROM cron.job_run_details d WHERE d.jobid = j.jobid ORDER BY d.runid DESC LIMIT 20) AS recent
FROM cron.job j
LEFT JOIN LATERAL (SELECT d.runid, d.status, d.start_time, d.end_time, d.return_message
                   FROM cron.job_run_details d WHERE d.jobid = j.jobid ORDER BY d.runid DESC LIMIT 1) r ON true
ORDER BY j.jobname NULLS LAST, j.jobid
