-- A relation by schema and name (exact spelling, no search_path).
SELECT c.oid
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = :schema AND c.relname = :name AND c.relkind IN ('r', 'p', 'f', 'v', 'm')
