-- Roles and their attributes (pg_roles: readable by everyone, password hidden).
SELECT r.oid, r.rolname AS name, r.rolsuper AS superuser, r.rolinherit AS inherit, r.rolcreaterole AS create_role,
       r.rolcreatedb AS create_db, r.rolcanlogin AS login, r.rolreplication AS replication, r.rolbypassrls AS bypass_rls,
       r.rolconnlimit AS connection_limit, r.rolvaliduntil AS valid_until, r.rolname LIKE 'pg\_%' AS built_in,
       d.description AS comment
FROM pg_roles r
LEFT JOIN pg_shdescription d ON d.objoid = r.oid AND d.classoid = 'pg_authid'::regclass
ORDER BY r.rolname
