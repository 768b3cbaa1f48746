-- A per-role or per-database default as pg_db_role_setting holds it (readable by everyone): the value for
-- :name in the scope (:role null: a database's own default; :database null: a role's, in every database),
-- and whether the role and database exist. With neither a role nor a database: this database's own default.
WITH named AS (
    SELECT CAST(:role AS text) AS role,
           CASE WHEN CAST(:role AS text) IS NULL THEN COALESCE(CAST(:database AS text), current_database())
                ELSE CAST(:database AS text) END AS database
), scope AS (
    SELECT named.*, (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = named.role) AS role_oid,
           (SELECT oid FROM pg_catalog.pg_database WHERE datname = named.database) AS database_oid
    FROM named
)
SELECT scope.role IS NULL OR scope.role_oid IS NOT NULL AS role_exists,
       scope.database IS NULL OR scope.database_oid IS NOT NULL AS database_exists, scope.database,
       (SELECT substr(setting, length(CAST(:name AS text)) + 2)
        FROM pg_catalog.pg_db_role_setting s CROSS JOIN LATERAL unnest(s.setconfig) setting
        WHERE s.setrole = COALESCE(scope.role_oid, 0) AND s.setdatabase = COALESCE(scope.database_oid, 0)
          AND split_part(setting, '=', 1) = CAST(:name AS text)) AS previous
FROM scope
