-- Policies on a table whose row-level security is off: PostgreSQL ignores them, so the table is as open
-- as its grants.
SELECT n.nspname AS schema, c.relname AS name, format('%I.%I', n.nspname, c.relname) AS object,
       format('%s polic%s (%s) ignored: row-level security is off', count(*), CASE WHEN count(*) = 1 THEN 'y' ELSE 'ies' END,
              string_agg(quote_ident(p.polname), ', ' ORDER BY p.polname)) AS detail, NULL AS columns
FROM pg_policy p
JOIN pg_class c ON c.oid = p.polrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE NOT c.relrowsecurity AND n.nspname NOT LIKE 'pg\_%'
GROUP BY n.nspname, c.relname
ORDER BY 1, 2
