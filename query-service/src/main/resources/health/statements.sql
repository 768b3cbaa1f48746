-- The top statements of this database by the order asked for. {view} is the extension's view in the
-- schema it is installed in, {order} a column chosen from a fixed list (QueryStatistics.Order):
-- neither comes from a person.
SELECT s.queryid, s.query, r.rolname AS role, d.datname AS database, s.calls, s.total_exec_time, s.mean_exec_time, s.rows,
       s.shared_blks_hit, s.shared_blks_read
FROM {view} s
LEFT JOIN pg_roles r ON r.oid = s.userid
LEFT JOIN pg_database d ON d.oid = s.dbid
WHERE s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
ORDER BY {order} DESC
LIMIT :limit
