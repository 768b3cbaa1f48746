package dev.planetary.query.audit;

import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.SqlLiteral;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The one operator action that makes a PostgreSQL server Planetary's audit server: the
 * {@code audit} schema, the append-only tables for row changes and schema changes, the
 * insert-only writer role, and triggers that refuse UPDATE, DELETE and TRUNCATE for every role
 * but the owner (superusers included: privileges do not bind them, triggers do). Safe to repeat.
 */
@Service
public class AuditPreparation {

    private final AuditServer server;

    public AuditPreparation(AuditServer server) {
        this.server = server;
    }

    @PreAuthorize("hasRole('OPERATOR')")
    public void prepare() {
        run();
    }

    /** Without the rights check: for the embedded default's start-up. */
    public void run() {
        AuditProperties properties = server.properties();
        if (!properties.enabled()) {
            throw new IllegalStateException("no audit server is configured (planetary.audit.url)");
        }
        Identifier writer = Identifier.of(properties.writer().username());
        Identifier owner = Identifier.of(properties.owner().username());
        try (Connection connection = server.owner(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            for (String statement : statements(owner, writer)) {
                sql.execute(statement);
            }
            // The password is set on its own, never part of a statement list anyone might print.
            sql.execute("ALTER ROLE " + writer.quoted() + " PASSWORD " + SqlLiteral.string(properties.writer().password()));
            schedulePrune(sql, properties.retention());
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the audit server: " + e.getMessage(), e);
        }
    }

    /** With pg_cron on the audit server, the prune runs nightly there; without it, README.md gives the job. */
    private static void schedulePrune(Statement sql, java.time.Duration retention) throws SQLException {
        try (var cron = sql.executeQuery("SELECT count(*) FROM pg_extension WHERE extname = 'pg_cron'")) {
            cron.next();
            if (cron.getLong(1) == 0) {
                return;
            }
        }
        sql.execute("SELECT cron.schedule('planetary-audit-prune', '17 3 * * *', 'SELECT audit.prune(interval "
                + SqlLiteral.string(retention.toDays() + " days").replace("'", "''") + ")')");
    }

    static List<String> statements(Identifier owner, Identifier writer) {
        String writerName = SqlLiteral.string(writer.name());
        return List.of(
                "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = " + writerName + ") THEN "
                        + "CREATE ROLE " + writer.quoted() + " LOGIN NOINHERIT; END IF; END $$",
                "CREATE SCHEMA IF NOT EXISTS audit AUTHORIZATION " + owner.quoted(),
                """
                CREATE TABLE IF NOT EXISTS audit.row_change (
                    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    recorded_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
                    occurred_at     timestamptz NOT NULL,
                    transaction_id  bigint,
                    database_name   text        NOT NULL,
                    schema_name     text        NOT NULL,
                    table_name      text        NOT NULL,
                    operation       text        NOT NULL CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE')),
                    session_user_name text      NOT NULL,
                    claims          jsonb,
                    old_row         jsonb,
                    new_row         jsonb)""",
                "CREATE INDEX IF NOT EXISTS row_change_table_idx ON audit.row_change (schema_name, table_name, occurred_at)",
                // The target a row was written on (several targets may write here); null in rows from before.
                "ALTER TABLE audit.row_change ADD COLUMN IF NOT EXISTS target text",
                "CREATE INDEX IF NOT EXISTS row_change_target_idx ON audit.row_change (target, occurred_at)",
                """
                CREATE TABLE IF NOT EXISTS audit.schema_change (
                    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
                    change_id   text        NOT NULL,
                    sequence    bigint      NOT NULL,
                    event       text        NOT NULL,
                    actor       text,
                    occurred_at timestamptz NOT NULL,
                    detail      text        NOT NULL,
                    sql         text,
                    UNIQUE (change_id, sequence))""",
                """
                CREATE OR REPLACE FUNCTION audit.refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $audit$
                BEGIN
                    IF current_user <> (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = TG_RELID) THEN
                        RAISE EXCEPTION 'audit rows are append-only: % on %.% is refused', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
                            USING ERRCODE = 'insufficient_privilege';
                    END IF;
                    IF TG_OP = 'DELETE' THEN
                        RETURN OLD;
                    END IF;
                    RETURN NEW;
                END
                $audit$""",
                "DROP TRIGGER IF EXISTS append_only ON audit.row_change",
                "CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON audit.row_change FOR EACH ROW EXECUTE FUNCTION audit.refuse_rewrite()",
                "DROP TRIGGER IF EXISTS append_only_truncate ON audit.row_change",
                "CREATE TRIGGER append_only_truncate BEFORE TRUNCATE ON audit.row_change FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_rewrite()",
                "DROP TRIGGER IF EXISTS append_only ON audit.schema_change",
                "CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON audit.schema_change FOR EACH ROW EXECUTE FUNCTION audit.refuse_rewrite()",
                "DROP TRIGGER IF EXISTS append_only_truncate ON audit.schema_change",
                "CREATE TRIGGER append_only_truncate BEFORE TRUNCATE ON audit.schema_change FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_rewrite()",
                // Retention: the one path that removes audit rows, run as the owner (by pg_cron where the
                // audit server has it, otherwise by the job README.md describes).
                """
                CREATE OR REPLACE FUNCTION audit.prune(keep interval) RETURNS bigint LANGUAGE sql AS $audit$
                    WITH gone AS (DELETE FROM audit.row_change WHERE occurred_at < now() - keep RETURNING 1)
                    SELECT count(*) FROM gone
                $audit$""",
                "REVOKE ALL ON FUNCTION audit.prune(interval) FROM PUBLIC",
                "REVOKE ALL ON ALL TABLES IN SCHEMA audit FROM PUBLIC",
                "GRANT USAGE ON SCHEMA audit TO " + writer.quoted(),
                "GRANT INSERT ON audit.row_change, audit.schema_change TO " + writer.quoted());
    }
}
