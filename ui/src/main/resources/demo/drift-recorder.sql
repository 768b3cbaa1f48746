-- Planetary's DDL recorder for a target database. Run once as a superuser (event triggers need one).
-- Every DDL statement that runs on the target leaves a row in planetary.ddl_log, in the same
-- transaction (so a rolled-back dry-run or test run leaves none). Planetary marks its own applies
-- with the setting planetary.change_id; a row without it is drift. The statement text is kept only
-- for drift, and never for user mappings (they can hold passwords).
CREATE SCHEMA IF NOT EXISTS planetary AUTHORIZATION planetary_ddl;
CREATE TABLE IF NOT EXISTS planetary.ddl_log (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recorded_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    change_id         text,
    session_user_name text        NOT NULL,
    command_tag       text        NOT NULL,
    object_type       text,
    object_identity   text,
    statement         text
);
REVOKE ALL ON planetary.ddl_log FROM PUBLIC;
GRANT USAGE ON SCHEMA planetary TO planetary_meta;
GRANT SELECT ON planetary.ddl_log TO planetary_meta;

CREATE OR REPLACE FUNCTION planetary.record_ddl() RETURNS event_trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $recorder$
DECLARE
    change_id text := nullif(current_setting('planetary.change_id', true), '');
    command   record;
BEGIN
    IF TG_EVENT = 'sql_drop' THEN
        FOR command IN SELECT object_type, object_identity FROM pg_event_trigger_dropped_objects() WHERE original LOOP
            INSERT INTO planetary.ddl_log (change_id, session_user_name, command_tag, object_type, object_identity, statement)
            VALUES (change_id, session_user, TG_TAG, command.object_type, command.object_identity,
                    CASE WHEN change_id IS NULL THEN left(current_query(), 4000) END);
        END LOOP;
    ELSE
        FOR command IN SELECT command_tag, object_type, object_identity FROM pg_event_trigger_ddl_commands() LOOP
            INSERT INTO planetary.ddl_log (change_id, session_user_name, command_tag, object_type, object_identity, statement)
            VALUES (change_id, session_user, command.command_tag, command.object_type, command.object_identity,
                    CASE WHEN change_id IS NULL AND command.object_type IS DISTINCT FROM 'user mapping'
                         THEN left(current_query(), 4000) END);
        END LOOP;
    END IF;
END
$recorder$;
REVOKE ALL ON FUNCTION planetary.record_ddl() FROM PUBLIC;

DROP EVENT TRIGGER IF EXISTS planetary_ddl_end;
CREATE EVENT TRIGGER planetary_ddl_end ON ddl_command_end EXECUTE FUNCTION planetary.record_ddl();
DROP EVENT TRIGGER IF EXISTS planetary_sql_drop;
CREATE EVENT TRIGGER planetary_sql_drop ON sql_drop EXECUTE FUNCTION planetary.record_ddl();
