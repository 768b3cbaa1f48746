-- The server's replication settings: its wal_level, and how much WAL a slot may hold (null: no limit).
SELECT current_setting('wal_level') AS wal_level,
       (SELECT CASE WHEN setting::bigint < 0 THEN NULL ELSE setting::bigint * 1024 * 1024 END
        FROM pg_catalog.pg_settings WHERE name = 'max_slot_wal_keep_size') AS max_slot_wal_keep_size
