-- The latest runs, newest first: of one job or of every job, of one status or any, since a moment or ever.
SELECT d.jobid, d.runid, d.status, d.start_time, d.end_time, d.return_message
FROM cron.job_run_details d
WHERE (CAST(:job AS bigint) IS NULL OR d.jobid = CAST(:job AS bigint))
  AND (CAST(:status AS text) IS NULL OR d.status = CAST(:status AS text))
  AND (CAST(:since AS timestamptz) IS NULL OR d.start_time >= CAST(:since AS timestamptz))
ORDER BY d.runid DESC
LIMIT :limit
