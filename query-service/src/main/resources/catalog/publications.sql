-- Publications with their tables (row filter, column list) and schemas (PostgreSQL 15).
SELECT p.pubname AS name, pg_get_userbyid(p.pubowner) AS owner, p.puballtables AS all_tables,
       p.pubinsert AS "insert", p.pubupdate AS "update", p.pubdelete AS "delete", p.pubtruncate AS "truncate",
       ARRAY(SELECT n.nspname || '.' || c.relname FROM pg_publication_rel pr JOIN pg_class c ON c.oid = pr.prrelid
             JOIN pg_namespace n ON n.oid = c.relnamespace WHERE pr.prpubid = p.oid ORDER BY 1) AS table_names,
       ARRAY(SELECT n.nspname FROM pg_publication_rel pr JOIN pg_class c ON c.oid = pr.prrelid
             JOIN pg_namespace n ON n.oid = c.relnamespace WHERE pr.prpubid = p.oid ORDER BY n.nspname || '.' || c.relname) AS table_schemas,
       ARRAY(SELECT c.relname FROM pg_publication_rel pr JOIN pg_class c ON c.oid = pr.prrelid
             JOIN pg_namespace n ON n.oid = c.relnamespace WHERE pr.prpubid = p.oid ORDER BY n.nspname || '.' || c.relname) AS table_relnames,
       ARRAY(SELECT COALESCE(pg_get_expr(pr.prqual, pr.prrelid, true), '') FROM pg_publication_rel pr JOIN pg_class c ON c.oid = pr.prrelid
             JOIN pg_namespace n ON n.oid = c.relnamespace WHERE pr.prpubid = p.oid ORDER BY n.nspname || '.' || c.relname) AS row_filters,
       ARRAY(SELECT COALESCE((SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(pr.prattrs::int2[]) WITH ORDINALITY k(attnum, ord)
                              JOIN pg_attribute a ON a.attrelid = pr.prrelid AND a.attnum = k.attnum), '')
             FROM pg_publication_rel pr JOIN pg_class c ON c.oid = pr.prrelid
             JOIN pg_namespace n ON n.oid = c.relnamespace WHERE pr.prpubid = p.oid ORDER BY n.nspname || '.' || c.relname) AS column_lists,
       ARRAY(SELECT n.nspname::text FROM pg_publication_namespace pn JOIN pg_namespace n ON n.oid = pn.pnnspid
             WHERE pn.pnpubid = p.oid ORDER BY n.nspname) AS schemas
FROM pg_publication p
ORDER BY p.pubname
