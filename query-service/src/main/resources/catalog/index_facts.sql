-- One index by schema and name, as its drop's inverse re-creates it: the CREATE INDEX statement
-- PostgreSQL prints for it (as pg_dump restores it), whether it is partitioned (its definition then
-- names the parent table ONLY), and the constraints that need it: its own primary key, unique or
-- exclusion constraint first, then foreign keys referencing through it (conindid), named by
-- pg_describe_object. DROP INDEX refuses to drop what a constraint needs unless it CASCADEs.
SELECT pg_get_indexdef(i.indexrelid) AS definition, ic.relkind = 'I' AS partitioned,
       ARRAY(SELECT pg_describe_object('pg_constraint'::regclass, c.oid, 0)
             FROM pg_constraint c
             WHERE c.conindid = i.indexrelid
             ORDER BY c.contype = 'f', c.conname)::text[] AS constraints
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_namespace n ON n.oid = ic.relnamespace
WHERE n.nspname = :schema AND ic.relname = :name
