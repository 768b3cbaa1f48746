SELECT slot_name AS name, plugin, slot_type AS type, database, active,
       restart_lsn::text AS restart_lsn, confirmed_flush_lsn::text AS confirmed_flush_lsn, wal_status
FROM pg_replication_slots
ORDER BY slot_name
