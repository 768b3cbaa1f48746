-- Whether pg_cron is installed in this database, and whether this login sees every job: cron.job shows a
-- login only its own rows (pg_cron's row-level security) unless it bypasses row security or a permissive
-- policy that applies to it lets it read every row.
SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'pg_cron') AS installed,
       (SELECT rolsuper OR rolbypassrls FROM pg_catalog.pg_roles WHERE rolname = current_user)
       OR EXISTS (SELECT 1 FROM pg_catalog.pg_policy p JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
                  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                  WHERE n.nspname = 'cron' AND c.relname = 'job' AND p.polcmd IN ('r', '*') AND p.polpermissive
                    AND pg_catalog.pg_get_expr(p.polqual, p.polrelid) = 'true'
                    AND EXISTS (SELECT 1 FROM unnest(p.polroles) r(oid)
                                WHERE r.oid = 0 OR pg_catalog.pg_has_role(current_user, r.oid, 'USAGE'))) AS sees_all,
       current_user AS login,
       COALESCE(current_setting('cron.timezone', true), 'GMT') AS time_zone
