-- A table's replica identity, the columns it names (the primary key's for DEFAULT, the index's for USING INDEX, every
-- column for FULL) and all its columns.
SELECT c.relreplident,
       ARRAY(SELECT a.attname::text FROM pg_catalog.pg_attribute a
             WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
               AND (c.relreplident = 'f'
                    OR a.attnum = ANY (SELECT unnest(i.indkey) FROM pg_catalog.pg_index i
                                       WHERE i.indrelid = c.oid
                                         AND ((c.relreplident = 'd' AND i.indisprimary) OR (c.relreplident = 'i' AND i.indisreplident))))
             ORDER BY a.attnum) AS identity_columns,
       ARRAY(SELECT a.attname::text FROM pg_catalog.pg_attribute a
             WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum) AS columns
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = :schema AND c.relname = :table AND c.relkind IN ('r', 'p')
