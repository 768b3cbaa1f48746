-- Every statement of this database pg_stat_statements keeps, summed per statement and role (top-level
-- and nested calls alike), busiest first. {view} is the extension's view in its schema (not from a person);
-- {only} narrows to some statements (AND s.queryid IN (:ids)) or is empty.
SELECT s.queryid, r.rolname AS role, min(s.query) AS query, sum(s.calls)::bigint AS calls,
       sum(s.total_exec_time) AS total_ms, sum(s.rows)::bigint AS rows
FROM {view} s
JOIN pg_roles r ON r.oid = s.userid
WHERE s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database()){only}
GROUP BY s.queryid, r.rolname
ORDER BY sum(s.total_exec_time) DESC
LIMIT 5000
