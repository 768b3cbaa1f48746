package dev.planetary.kernel.spec;

import dev.planetary.kernel.sql.SqlLexer;
import dev.planetary.kernel.sql.SqlToken;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What the catalog said about an index when its drop was proposed, read by Planetary (a client's
 * copy is always replaced): {@code definition} is {@code pg_get_indexdef(indexrelid)}, the
 * CREATE INDEX statement PostgreSQL itself prints for it (as pg_dump restores indexes); whether it
 * is partitioned; and the constraints that need it, as {@code pg_describe_object} names them (its
 * own primary key, unique or exclusion constraint, foreign keys referencing through it).
 */
public record IndexFacts(String definition, boolean partitioned, List<String> constraints) {

    private static final Pattern CREATE_INDEX = Pattern.compile("^CREATE (UNIQUE )?INDEX ");

    public IndexFacts {
        SpecViolation.required("facts.definition", definition);
        SpecViolation.sendable("facts.definition", definition, "an index definition");
        if (!CREATE_INDEX.matcher(definition).find() || !singleStatement(definition)) {
            throw new SpecViolation("facts.definition", "not an index definition as pg_get_indexdef prints one");
        }
        constraints = SpecViolation.noNulls("facts.constraints", constraints == null ? List.of() : constraints);
    }

    /** The same definition built CONCURRENTLY: the keyword goes right after {@code CREATE [UNIQUE] INDEX}. */
    public String concurrently() {
        return CREATE_INDEX.matcher(definition).replaceFirst("CREATE $1INDEX CONCURRENTLY ");
    }

    /** One statement: no {@code ;} outside strings, quoted names and comments, nothing left open. */
    private static boolean singleStatement(String sql) {
        return SqlLexer.tokens(sql).stream().allMatch(token -> token.complete() && !token.isPunctuation(";")
                && !token.is(SqlToken.Type.OTHER));
    }
}
