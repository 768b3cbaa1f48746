-- The connections streaming WAL from this server: subscribers' apply workers and standbys.
SELECT r.application_name, pg_catalog.host(r.client_addr) AS client_addr, r.state, r.sync_state,
       CASE WHEN r.replay_lsn IS NULL THEN NULL
            ELSE pg_catalog.pg_wal_lsn_diff(pg_catalog.pg_current_wal_lsn(), r.replay_lsn)::bigint END AS behind_bytes,
       (EXTRACT(epoch FROM r.replay_lag) * 1000)::bigint AS replay_lag_millis
FROM pg_catalog.pg_stat_replication r
ORDER BY r.application_name, r.pid
