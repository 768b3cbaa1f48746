-- Runs after the watermark, oldest first, up to the first one still under way (its outcome is not known yet):
-- the watcher moves its watermark only past runs that have ended (a run left unfinished for a day is passed).
-- With each, the status of the same job's run before it: a failure after a failure starts no new alarm.
SELECT d.jobid, j.jobname, d.runid, d.status, d.start_time, d.end_time, d.return_message,
       (SELECT p.status FROM cron.job_run_details p WHERE p.jobid = d.jobid AND p.runid < d.runid
        ORDER BY p.runid DESC LIMIT 1) AS previous_status
FROM cron.job_run_details d
LEFT JOIN cron.job j ON j.jobid = d.jobid
WHERE d.runid > :after
  AND d.runid < COALESCE((SELECT min(u.runid) FROM cron.job_run_details u
                          WHERE u.runid > :after AND u.status NOT IN ('succeeded', 'failed')
                            AND (u.start_time IS NULL OR u.start_time > now() - interval '1 day')), 9223372036854775807)
ORDER BY d.runid
LIMIT 500
