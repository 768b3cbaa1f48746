-- The client backends of the server (this session left out), with whom each waits for
-- (pg_blocking_pids, asked only of sessions that wait for a lock: it takes the lock manager's
-- partition locks) and the lock it waits for. Query texts of other roles' sessions read
-- "<insufficient privilege>" without pg_read_all_stats (pg_monitor grants it).
SELECT a.pid, a.datname AS database, a.usename AS role, a.application_name AS application,
       host(a.client_addr) AS client_address, a.state, a.wait_event_type, a.wait_event,
       a.backend_start, a.xact_start, a.query_start, a.query,
       CASE WHEN a.wait_event_type = 'Lock' THEN pg_blocking_pids(a.pid) ELSE '{}'::int[] END AS blocked_by,
       (SELECT l.mode || ' on ' || CASE WHEN l.locktype = 'relation' THEN l.relation::regclass::text
                                        ELSE l.locktype END
        FROM pg_locks l WHERE l.pid = a.pid AND NOT l.granted LIMIT 1) AS waiting_for
FROM pg_stat_activity a
WHERE a.backend_type = 'client backend' AND a.pid <> pg_backend_pid()
ORDER BY a.pid
