-- What views use: a view's rewrite rule depends on the relations and functions its query names.
-- With :relation set, the edges that touch that relation on either side.
SELECT DISTINCT v.oid AS dependent_oid, CASE v.relkind WHEN 'm' THEN 'materialized view' ELSE 'view' END AS dependent_kind,
       vn.nspname AS dependent_schema, v.relname AS dependent_name,
       d.refobjid AS referenced_oid,
       CASE WHEN d.refclassid = 'pg_proc'::regclass THEN 'function'
            ELSE CASE r.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'f' THEN 'foreign table' ELSE 'table' END
       END AS referenced_kind,
       COALESCE(rn.nspname, pn.nspname) AS referenced_schema, COALESCE(r.relname, p.proname) AS referenced_name
FROM pg_rewrite rw
JOIN pg_class v ON v.oid = rw.ev_class AND v.relkind IN ('v', 'm')
JOIN pg_namespace vn ON vn.oid = v.relnamespace
JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = rw.oid
                AND d.refclassid IN ('pg_class'::regclass, 'pg_proc'::regclass) AND d.refobjid <> v.oid
                AND d.deptype = 'n'
LEFT JOIN pg_class r ON d.refclassid = 'pg_class'::regclass AND r.oid = d.refobjid
LEFT JOIN pg_namespace rn ON rn.oid = r.relnamespace
LEFT JOIN pg_proc p ON d.refclassid = 'pg_proc'::regclass AND p.oid = d.refobjid
LEFT JOIN pg_namespace pn ON pn.oid = p.pronamespace
WHERE vn.nspname NOT LIKE 'pg\_%' AND vn.nspname <> 'information_schema'
  AND COALESCE(rn.nspname, pn.nspname) NOT IN ('pg_catalog', 'information_schema')
  AND (CAST(:schema AS text) IS NULL OR vn.nspname = :schema OR COALESCE(rn.nspname, pn.nspname) = :schema)
  AND (CAST(:relation AS oid) IS NULL OR v.oid = :relation OR d.refobjid = :relation)
ORDER BY 3, 4, 7, 8
