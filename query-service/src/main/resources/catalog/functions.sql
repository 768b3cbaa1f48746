-- Functions and procedures (not those of extensions). Argument names, modes and types come from
-- the catalog arrays; the argument list text (with defaults) from pg_get_function_arguments.
SELECT p.oid, n.nspname AS schema, p.proname AS name, p.prokind::text AS kind,
       pg_get_function_identity_arguments(p.oid) AS identity_arguments,
       pg_get_function_arguments(p.oid) AS argument_list,
       COALESCE(p.proargnames, ARRAY[]::text[]) AS argument_names,
       COALESCE(p.proargmodes::text[], ARRAY[]::text[]) AS argument_modes,
       ARRAY(SELECT format_type(a.type, NULL)
             FROM unnest(COALESCE(p.proallargtypes, p.proargtypes::oid[])) WITH ORDINALITY a(type, ord)
             ORDER BY a.ord)::text[] AS argument_types,
       pg_get_function_result(p.oid) AS returns,
       l.lanname AS language, p.provolatile::text AS volatility, p.prosecdef AS security_definer,
       p.proisstrict AS strict, pg_get_userbyid(p.proowner) AS owner, p.prosrc AS body,
       COALESCE(p.proconfig, ARRAY[]::text[]) AS settings, d.description AS comment,
       -- counted over the catalog, not over the rows this scope keeps (one function's overloads)
       (SELECT count(*) FROM pg_proc o
        WHERE o.pronamespace = p.pronamespace AND o.proname = p.proname
          AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_proc'::regclass AND e.objid = o.oid AND e.deptype = 'e')) AS overloads
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
JOIN pg_language l ON l.oid = p.prolang
LEFT JOIN pg_description d ON d.objoid = p.oid AND d.classoid = 'pg_proc'::regclass AND d.objsubid = 0
WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
  AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid AND e.deptype = 'e')
  AND (CAST(:schema AS text) IS NULL OR n.nspname = :schema)
  AND (CAST(:function AS oid) IS NULL OR p.oid = :function)
ORDER BY n.nspname, p.proname, identity_arguments
