-- The comment on one object, found as COMMENT ON finds it (exact spelling, no search_path): one
-- row when the object exists, whose comment is NULL when it has none; no row when it does not.
-- :target is the COMMENT ON object type; :schema and :name name the relation, :member the column,
-- policy, trigger, role or schema; a function by its input argument types (:types, a JSON array of
-- type names), each read by to_regtype as COMMENT ON FUNCTION reads it ("int" is integer). Not
-- to_regprocedure on the whole signature: it needs USAGE on the function's schema, which the
-- metadata role need not have (PostgreSQL 15 raises "permission denied for schema").
SELECT obj_description(c.oid, 'pg_class') AS comment
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE CAST(:target AS text) IN ('TABLE', 'VIEW') AND n.nspname = :schema AND c.relname = :name
  -- COMMENT ON TABLE takes tables and partitioned tables (PostgreSQL 15), COMMENT ON VIEW views
  AND c.relkind = ANY (CASE CAST(:target AS text) WHEN 'TABLE' THEN ARRAY['r', 'p']::"char"[] ELSE ARRAY['v']::"char"[] END)
UNION ALL
SELECT col_description(a.attrelid, a.attnum)
FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE CAST(:target AS text) = 'COLUMN' AND n.nspname = :schema AND c.relname = :name AND a.attname = :member
  AND a.attnum > 0 AND NOT a.attisdropped
UNION ALL
SELECT obj_description(p.oid, 'pg_proc')
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE CAST(:target AS text) = 'FUNCTION' AND n.nspname = :schema AND p.proname = :name
  -- proargtypes is an oidvector, whose array is 0-based: unnested into a 1-based one to compare
  AND ARRAY(SELECT unnest(p.proargtypes::oid[])) = ARRAY(SELECT to_regtype(t.name)::oid
                                                         FROM jsonb_array_elements_text(CAST(:types AS jsonb))
                                                              WITH ORDINALITY AS t(name, position)
                                                         ORDER BY t.position)
UNION ALL
SELECT d.description
FROM pg_policy pol JOIN pg_class c ON c.oid = pol.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_description d ON d.objoid = pol.oid AND d.classoid = 'pg_policy'::regclass AND d.objsubid = 0
WHERE CAST(:target AS text) = 'POLICY' AND n.nspname = :schema AND c.relname = :name AND pol.polname = :member
UNION ALL
SELECT d.description
FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_description d ON d.objoid = tg.oid AND d.classoid = 'pg_trigger'::regclass AND d.objsubid = 0
WHERE CAST(:target AS text) = 'TRIGGER' AND n.nspname = :schema AND c.relname = :name AND tg.tgname = :member
UNION ALL
SELECT shobj_description(r.oid, 'pg_authid')
FROM pg_roles r
WHERE CAST(:target AS text) = 'ROLE' AND r.rolname = :member
UNION ALL
SELECT obj_description(n.oid, 'pg_namespace')
FROM pg_namespace n
WHERE CAST(:target AS text) = 'SCHEMA' AND n.nspname = :member
