-- Row-level security enabled with no policy: every role but the owner (and BYPASSRLS roles) sees no row
-- and may write none; usually a policy that was never added.
SELECT n.nspname AS schema, c.relname AS name, format('%I.%I', n.nspname, c.relname) AS object,
       'row-level security is on but no policy lets anyone in' AS detail, NULL AS columns
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p') AND c.relrowsecurity AND n.nspname NOT LIKE 'pg\_%'
  AND NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid)
ORDER BY 1, 2
