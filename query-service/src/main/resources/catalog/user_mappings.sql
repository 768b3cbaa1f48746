-- User mappings. pg_user_mappings shows options only to those allowed to see them; Planetary masks
-- secret-looking values in any case.
SELECT um.srvname AS server, um.usename AS "user", COALESCE(um.umoptions, ARRAY[]::text[]) AS options
FROM pg_user_mappings um
ORDER BY um.srvname, um.usename
