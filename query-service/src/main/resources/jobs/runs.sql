-- The latest runs, newest first: of one job or of every job, all or only the failed ones.
SELECT d.jobid, d.runid, d.status, d.start_time, d.end_time, d.return_message
FROM cron.job_run_details d
WHERE (CAST(:job AS bigint) IS NULL OR d.jobid = CAST(:job AS bigint))
  AND (NOT CAST(:failed AS boolean) OR d.status = 'failed')
ORDER BY d.runid DESC
LIMIT :limit
