-- Extensions, installed and available.
SELECT ae.name, e.extversion AS installed_version, ae.default_version, n.nspname AS schema, ae.comment
FROM pg_available_extensions ae
LEFT JOIN pg_extension e ON e.extname = ae.name
LEFT JOIN pg_namespace n ON n.oid = e.extnamespace
ORDER BY e.extversion IS NULL, ae.name
