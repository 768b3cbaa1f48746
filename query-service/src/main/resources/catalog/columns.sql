-- Columns of tables, views and materialized views, with PostgreSQL's own type names.
-- A collation is shown when it is not the type's own (for text the database default, for name "C").
-- Defaults cannot refer to columns, so they are deparsed without opening the relation (relid 0):
-- at 10,000 tables that is most of this query's time. Generated columns do refer to columns.
SELECT a.attrelid AS relation_oid, n.nspname AS schema, c.relname AS relation, a.attnum AS position,
       a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
       CASE WHEN a.attgenerated = '' THEN pg_get_expr(ad.adbin, 0) END AS default_expression,
       a.attidentity::text AS identity,
       CASE WHEN a.attgenerated <> '' THEN pg_get_expr(ad.adbin, ad.adrelid) END AS generated_expression,
       CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation
            THEN (SELECT co.collname FROM pg_collation co WHERE co.oid = a.attcollation) END AS collation,
       d.description AS comment
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_description d ON d.objoid = a.attrelid AND d.classoid = 'pg_class'::regclass AND d.objsubid = a.attnum
WHERE a.attnum > 0 AND NOT a.attisdropped
  AND c.relkind IN ('r', 'p', 'f', 'v', 'm')
  AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
  AND (CAST(:schema AS text) IS NULL OR n.nspname = :schema)
  AND (CAST(:relation AS oid) IS NULL OR c.oid = :relation)
ORDER BY a.attrelid, a.attnum
