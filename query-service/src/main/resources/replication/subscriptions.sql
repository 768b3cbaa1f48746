-- The database's subscriptions (never subconninfo: the connection string may hold a password, and PostgreSQL keeps
-- it from everyone but superusers), their tables by synchronisation state, and their apply worker.
SELECT s.subname, pg_catalog.pg_get_userbyid(s.subowner) AS owner, s.subenabled, s.subpublications, s.subslotname,
       (SELECT count(*) FROM pg_catalog.pg_subscription_rel r WHERE r.srsubid = s.oid AND r.srsubstate = 'r') AS tables_ready,
       (SELECT count(*) FROM pg_catalog.pg_subscription_rel r WHERE r.srsubid = s.oid AND r.srsubstate <> 'r') AS tables_syncing,
       w.pid, w.received_lsn::text AS received_lsn, w.latest_end_lsn::text AS latest_end_lsn, w.last_msg_send_time,
       w.last_msg_receipt_time, w.latest_end_time
FROM pg_catalog.pg_subscription s
LEFT JOIN pg_catalog.pg_stat_subscription w ON w.subid = s.oid AND w.relid IS NULL
WHERE s.subdbid = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())
ORDER BY s.subname
