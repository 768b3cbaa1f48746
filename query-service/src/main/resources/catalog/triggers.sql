-- Triggers written by people (not the internal ones behind foreign keys). tgtype is a bit mask:
-- 1 row, 2 before, 4 insert, 8 delete, 16 update, 32 truncate, 64 instead of.
SELECT tg.oid, tg.tgrelid AS table_oid, n.nspname AS schema, c.relname AS "table", tg.tgname AS name,
       tg.tgtype::int AS type_bits,
       ARRAY(SELECT a.attname FROM unnest(tg.tgattr::int2[]) WITH ORDINALITY k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = tg.tgrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns,
       pn.nspname AS function_schema, p.proname AS function_name, tg.tgenabled::text AS enabled,
       tg.tgconstraint <> 0 AS is_constraint, tg.tgdeferrable AS deferrable, tg.tginitdeferred AS initially_deferred,
       pg_get_triggerdef(tg.oid, true) AS definition
FROM pg_trigger tg
JOIN pg_class c ON c.oid = tg.tgrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_proc p ON p.oid = tg.tgfoid
JOIN pg_namespace pn ON pn.oid = p.pronamespace
WHERE NOT tg.tgisinternal
  AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
  AND (CAST(:schema AS text) IS NULL OR n.nspname = :schema)
  AND (CAST(:relation AS oid) IS NULL OR tg.tgrelid = :relation)
ORDER BY n.nspname, c.relname, tg.tgname
