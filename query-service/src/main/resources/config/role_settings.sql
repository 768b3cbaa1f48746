-- The defaults set per role and database (ALTER ROLE / ALTER DATABASE ... SET), one row per parameter,
-- for this database and for every database; readable by everyone.
SELECT r.rolname AS role, d.datname AS database, split_part(setting, '=', 1) AS parameter,
       substr(setting, length(split_part(setting, '=', 1)) + 2) AS value
FROM pg_db_role_setting s
CROSS JOIN LATERAL unnest(s.setconfig) setting
LEFT JOIN pg_roles r ON r.oid = s.setrole
LEFT JOIN pg_database d ON d.oid = s.setdatabase
WHERE s.setdatabase IN (0, (SELECT oid FROM pg_database WHERE datname = current_database()))
ORDER BY r.rolname NULLS FIRST, d.datname NULLS FIRST, parameter
