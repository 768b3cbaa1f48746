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
-- Schemas whose new tables are audited from their creation on (the audit-schema change edits this list).
CREATE TABLE IF NOT EXISTS planetary.audit_auto_schema (schema_name text PRIMARY KEY);
REVOKE ALL ON planetary.audit_auto_schema FROM PUBLIC;
GRANT SELECT, INSERT, DELETE ON planetary.audit_auto_schema TO planetary_ddl;
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
        FOR command IN SELECT command_tag, object_type, object_identity, schema_name, objid FROM pg_event_trigger_ddl_commands() LOOP
            IF current_setting('planetary.auto_audit', true) = 'on' THEN
                CONTINUE;  -- the audit trigger this function attaches below is not drift
            END IF;
            -- A new table in a schema audited from creation gets the audit trigger at once.
            IF command.command_tag = 'CREATE TABLE'
               AND EXISTS (SELECT 1 FROM planetary.audit_auto_schema WHERE schema_name = command.schema_name)
               AND to_regprocedure('planetary.audit_row()') IS NOT NULL THEN
                PERFORM set_config('planetary.auto_audit', 'on', true);
                EXECUTE format('CREATE TRIGGER planetary_audit AFTER INSERT OR UPDATE OR DELETE ON %s '
                               'FOR EACH ROW EXECUTE FUNCTION planetary.audit_row()', command.objid::regclass);
                PERFORM set_config('planetary.auto_audit', '', true);
            END IF;
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
