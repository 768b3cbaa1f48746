-- Whether pg_stat_statements can be read here: loaded at server start, installed in this database
-- (and in which schema), and whether this login sees other roles' statement texts. Whether it is
-- preloaded is null for a login that may not read the setting (pg_read_all_settings, in pg_monitor).
SELECT CASE WHEN pg_has_role(current_user, 'pg_read_all_settings', 'USAGE')
            THEN 'pg_stat_statements' = ANY (string_to_array(replace(current_setting('shared_preload_libraries'), ' ', ''), ','))
       END AS preloaded,
       (SELECT n.nspname FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace
        WHERE x.extname = 'pg_stat_statements') AS installed_in,
       pg_has_role(current_user, 'pg_read_all_stats', 'USAGE') AS reads_all_texts,
       current_database() AS database
