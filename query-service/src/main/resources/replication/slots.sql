-- The server's replication slots with the WAL each holds back (from its restart point to where WAL is written now)
-- and the age of the oldest transaction it keeps vacuum from removing.
SELECT s.slot_name, s.slot_type, s.plugin, s.database, s.active, s.temporary, s.wal_status,
       CASE WHEN s.restart_lsn IS NULL THEN NULL
            ELSE pg_catalog.pg_wal_lsn_diff(CASE WHEN pg_catalog.pg_is_in_recovery() THEN pg_catalog.pg_last_wal_replay_lsn()
                                                 ELSE pg_catalog.pg_current_wal_lsn() END, s.restart_lsn)::bigint END AS retained_bytes,
       s.safe_wal_size,
       GREATEST(pg_catalog.age(s.xmin), pg_catalog.age(s.catalog_xmin)) AS xmin_age
FROM pg_catalog.pg_replication_slots s
ORDER BY s.slot_name
