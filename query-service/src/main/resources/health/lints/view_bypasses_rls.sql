-- Views that read a table with row-level security as their owner (not security_invoker): callers get the
-- owner's view of the rows, and when the owner owns the table too (or bypasses RLS), every row.
SELECT n.nspname AS schema, v.relname AS name, format('%I.%I', n.nspname, v.relname) AS object,
       format('reads %s with its owner %I''s rights, not the caller''s', string_agg(DISTINCT t.oid::regclass::text, ', '),
              pg_get_userbyid(v.relowner)) AS detail, NULL AS columns
FROM pg_class v
JOIN pg_namespace n ON n.oid = v.relnamespace
JOIN pg_rewrite r ON r.ev_class = v.oid
JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid AND d.refclassid = 'pg_class'::regclass
JOIN pg_class t ON t.oid = d.refobjid AND t.oid <> v.oid AND t.relkind IN ('r', 'p') AND t.relrowsecurity
WHERE v.relkind = 'v' AND n.nspname NOT LIKE 'pg\_%'
  AND NOT COALESCE((SELECT o = 'security_invoker=true' OR o = 'security_invoker=on' FROM unnest(v.reloptions) o
                    WHERE o LIKE 'security\_invoker=%'), false)
  AND (t.relowner = v.relowner OR (SELECT rolbypassrls OR rolsuper FROM pg_roles WHERE oid = v.relowner))
GROUP BY n.nspname, v.relname, v.relowner
ORDER BY 1, 2
