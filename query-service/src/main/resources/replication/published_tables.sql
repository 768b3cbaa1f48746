-- Every table each publication publishes (FOR ALL TABLES and FOR TABLES IN SCHEMA expanded), with its row filter,
-- its column list (null: every column), its replica identity and the columns that identity names (the primary key
-- for DEFAULT, the index's for USING INDEX, every column for FULL), and the columns its row filter reads (the
-- Vars of the filter's expression tree).
SELECT pt.pubname, pt.schemaname, pt.tablename, pt.rowfilter,
       CASE WHEN pr.prattrs IS NULL THEN NULL ELSE pt.attnames END AS column_list,
       c.relreplident,
       ARRAY(SELECT a.attname::text FROM pg_catalog.pg_attribute a
             WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
               AND (c.relreplident = 'f'
                    OR a.attnum = ANY (SELECT unnest(i.indkey) FROM pg_catalog.pg_index i
                                       WHERE i.indrelid = c.oid
                                         AND ((c.relreplident = 'd' AND i.indisprimary) OR (c.relreplident = 'i' AND i.indisreplident))))
             ORDER BY a.attnum) AS identity_columns,
       ARRAY(SELECT a.attname::text FROM pg_catalog.pg_attribute a
             WHERE a.attrelid = c.oid
               AND a.attnum IN (SELECT m[1]::int2 FROM regexp_matches(pr.prqual::text, ':varattno (\d+)', 'g') AS m)
             ORDER BY a.attnum) AS filter_columns
FROM pg_catalog.pg_publication_tables pt
JOIN pg_catalog.pg_namespace n ON n.nspname = pt.schemaname
JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = pt.tablename
JOIN pg_catalog.pg_publication p ON p.pubname = pt.pubname
LEFT JOIN pg_catalog.pg_publication_rel pr ON pr.prpubid = p.oid AND pr.prrelid = c.oid
ORDER BY pt.pubname, pt.schemaname, pt.tablename
