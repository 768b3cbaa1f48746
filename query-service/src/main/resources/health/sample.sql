-- One minute's sample of a target: its database's counters (pg_stat_database), its sessions by state,
-- the longest-running query and the oldest open transaction, its size and its dead rows. Cheap: no
-- table is scanned, and no file is stat()ed: the size is the planner's page count of every relation
-- (pg_database_size() stats every file: 90 % of this sample's time at 10,000 tables).
SELECT (SELECT count(*) FROM pg_stat_activity a WHERE a.datname = current_database() AND a.backend_type = 'client backend') AS total,
       (SELECT count(*) FROM pg_stat_activity a WHERE a.datname = current_database() AND a.backend_type = 'client backend'
           AND a.state = 'active' AND a.wait_event_type IS DISTINCT FROM 'Lock') AS active,
       (SELECT count(*) FROM pg_stat_activity a WHERE a.datname = current_database() AND a.backend_type = 'client backend'
           AND a.state = 'idle') AS idle,
       (SELECT count(*) FROM pg_stat_activity a WHERE a.datname = current_database() AND a.backend_type = 'client backend'
           AND a.state LIKE 'idle in transaction%') AS idle_tx,
       (SELECT count(*) FROM pg_stat_activity a WHERE a.datname = current_database() AND a.backend_type = 'client backend'
           AND a.wait_event_type = 'Lock') AS waiting,
       d.xact_commit, d.xact_rollback, d.blks_hit, d.blks_read, d.tup_inserted, d.tup_updated, d.tup_deleted, d.deadlocks,
       (SELECT sum(c.relpages)::bigint * current_setting('block_size')::bigint FROM pg_class c) AS database_bytes,
       (SELECT COALESCE(sum(pg_stat_get_dead_tuples(c.oid)), 0) FROM pg_class c
         WHERE c.relkind IN ('r', 'm') AND c.relnamespace <> 'pg_catalog'::regnamespace) AS dead_tuples,
       (SELECT extract(epoch FROM max(clock_timestamp() - a.query_start)) FROM pg_stat_activity a
         WHERE a.datname = current_database() AND a.backend_type = 'client backend' AND a.state = 'active'
           AND a.pid <> pg_backend_pid()) AS longest_query_seconds,
       (SELECT extract(epoch FROM max(clock_timestamp() - a.xact_start)) FROM pg_stat_activity a
         WHERE a.datname = current_database() AND a.backend_type = 'client backend' AND a.pid <> pg_backend_pid()) AS oldest_xact_seconds
FROM pg_stat_database d
WHERE d.datname = current_database()
