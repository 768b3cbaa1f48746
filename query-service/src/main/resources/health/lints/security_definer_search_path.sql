-- SECURITY DEFINER functions without a fixed search_path: a caller who can create objects in a schema
-- on the path can make the function, running with its owner's rights, call the caller's objects.
SELECT n.nspname AS schema, p.proname AS name, format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)) AS object,
       'SECURITY DEFINER without SET search_path' AS detail, p.oid::text AS columns
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE p.prosecdef AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
  AND NOT EXISTS (SELECT 1 FROM unnest(p.proconfig) s WHERE s LIKE 'search\_path=%')
  AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid AND e.deptype = 'e')
ORDER BY 1, 2
