package dev.planetary.kernel.spec;

import dev.planetary.kernel.config.ParameterFacts;
import dev.planetary.kernel.config.SessionDefaultFacts;
import dev.planetary.kernel.ddl.CommentOn;
import dev.planetary.kernel.jobs.JobFacts;
import dev.planetary.kernel.replication.ForeignServerFacts;
import dev.planetary.kernel.replication.PublicationFacts;
import dev.planetary.kernel.replication.SlotFacts;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.TypeName;
import dev.planetary.kernel.target.TargetId;

import java.util.List;

/**
 * What a kind may read from the world while it is proposed: the catalog's facts about a table or
 * an index, an object's current comment, and the spec of a change already applied. The command
 * side answers from the query side; each method throws {@link SpecViolation} naming {@code field}
 * when there is nothing to read.
 */
public interface ProposalFacts {

    TableFacts table(QualifiedName table, String field);

    /** The table's storage parameters now. */
    StorageFacts storage(QualifiedName table, String field);

    /** The server parameter's row of pg_settings and what postgresql.auto.conf holds for it. */
    ParameterFacts parameter(String name, String field);

    /**
     * A per-role or per-database default: the parameter's row of pg_settings and the value pg_db_role_setting
     * holds in the scope ({@code role} null: the database's own; {@code database} null: the role's in every database).
     */
    SessionDefaultFacts sessionDefault(Identifier role, Identifier database, String parameter, String field);

    /** The executor login's pg_cron job of that name ({@link JobFacts#NONE} when none; not installed says so). */
    JobFacts job(String name, String field);

    /**
     * The publication of that name ({@code exists} false when there is none) with its tables, and the replica identity
     * and columns of each of its tables and of {@code tables} (those a change adds).
     */
    PublicationFacts publication(Identifier name, List<QualifiedName> tables, String field);

    /** The replication slot of that name ({@link SlotFacts#NONE} when there is none). */
    SlotFacts slot(String name, String field);

    /** The foreign server of that name ({@link ForeignServerFacts#NONE} when there is none). */
    ForeignServerFacts foreignServer(Identifier server, String field);

    /** The index's definition and what needs it. */
    IndexFacts index(QualifiedName index, String field);

    /**
     * The comment on the object COMMENT ON would name with {@code target}, {@code object},
     * {@code name} and {@code argumentTypes} (as {@link CommentOn} does); {@link PreviousComment#NONE} when it has none.
     */
    PreviousComment comment(CommentOn.Target target, QualifiedName object, Identifier name, List<TypeName> argumentTypes,
                            String field);

    /** The spec of change {@code changeId}, which must have been applied. */
    ChangeSpec appliedSpec(String changeId, String field);

    /** The target the change is proposed on. */
    default TargetId target() {
        return TargetId.DEFAULT;
    }
}
