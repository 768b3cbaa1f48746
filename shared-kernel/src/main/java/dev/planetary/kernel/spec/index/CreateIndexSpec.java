package dev.planetary.kernel.spec.index;

import dev.planetary.kernel.ddl.CreateIndex;
import dev.planetary.kernel.ddl.DropIndex;
import dev.planetary.kernel.ddl.IndexKey;
import dev.planetary.kernel.ddl.IndexMethod;
import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.OutsideTransaction;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.SqlFragment;

import java.util.List;

/**
 * Creates an index: btree (the default), hash, gin, gist or brin; on columns or expressions (an
 * expression is SQL the requester writes, shown verbatim); INCLUDE columns; a partial index's
 * WHERE as an explicit SQL fragment; UNIQUE. CONCURRENTLY unless {@code concurrently} is false:
 * writes to the table go on while it builds, at the price of running outside a transaction
 * (a step of its own, whose dry-run builds it inside the rolled-back transaction instead).
 */
public record CreateIndexSpec(QualifiedName table, Identifier name, IndexMethod method, List<IndexKey> keys,
                              List<Identifier> include, SqlFragment where, boolean unique, Boolean concurrently)
        implements ChangeSpec {

    public static final String KIND = "create-index";
    /** PostgreSQL's INDEX_MAX_KEYS. */
    private static final int MAX_KEYS = 32;

    public CreateIndexSpec {
        SpecViolation.required("table", table);
        SpecViolation.required("name", name);
        method = method == null ? IndexMethod.BTREE : method;
        keys = SpecViolation.noNulls("keys", keys == null ? List.of() : keys);
        include = SpecViolation.noNulls("include", include == null ? List.of() : include);
        concurrently = concurrently == null || concurrently;
        if (keys.isEmpty()) {
            throw new SpecViolation("keys", "an index needs at least one column or expression");
        }
        if (keys.size() + include.size() > MAX_KEYS) {
            throw new SpecViolation("keys", "an index has at most " + MAX_KEYS + " columns, INCLUDE columns counted");
        }
        if (keys.size() > 1 && !method.supportsMultipleKeys()) {
            throw new SpecViolation("keys", method.sql() + " indexes have exactly one key");
        }
        if (unique && !method.supportsUnique()) {
            throw new SpecViolation("unique", "only btree indexes can be unique");
        }
        if (!include.isEmpty() && !method.supportsInclude()) {
            throw new SpecViolation("include", method.sql() + " indexes take no INCLUDE columns (btree and gist do)");
        }
        if (!method.supportsOrder() && keys.stream().anyMatch(IndexKey::descending)) {
            throw new SpecViolation("keys", method.sql() + " indexes are not ordered: a key cannot be DESC");
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    public CreateIndex statement() {
        return new CreateIndex(unique, concurrently, name, table, method, keys, include, where);
    }

    @Override
    public Plan plan() {
        CreateIndex create = statement();
        QualifiedName index = create.index();
        PlanBuilder plan = PlanBuilder.summarised("Create " + (unique ? "unique " : "") + method.sql() + " index "
                        + index.display() + " on " + table.display() + (concurrently ? ", concurrently" : ""))
                .touches(ObjectRef.table(table))
                .touches(ObjectRef.index(index))
                .changes(CatalogEffect.relation(index))
                .changes(CatalogEffect.relationPrivileges(index)); // an index has a privileges row of its own
        if (concurrently) {
            DropIndex drop = new DropIndex(index, true, false, false);
            plan.statementOutsideTransaction(create.sql(), OutsideTransaction.buildsIndex(create.inTransaction().sql(), index.quoted()))
                    .inverseOutsideTransaction(drop.sql(), OutsideTransaction.rehearsedAs(drop.inTransaction().sql(),
                            OutsideTransaction.Progress.NONE))
                    .finding(LintFinding.info("concurrently", "builds while the table takes writes (SHARE UPDATE EXCLUSIVE):"
                            + " slower, runs as a step of its own, and an interrupted build is dropped, never left INVALID"));
        } else {
            plan.statement(create.sql())
                    .inverse(new DropIndex(index, false, false, false).sql())
                    .finding(LintFinding.warning("blocks-writes", "without CONCURRENTLY the build holds a SHARE lock on "
                            + table.display() + ": inserts, updates and deletes wait until it is done"));
        }
        if (unique) {
            plan.finding(LintFinding.info("unique", "fails if " + table.display()
                    + " already holds duplicate keys; a failed build leaves nothing behind"));
        }
        if (where != null) {
            plan.finding(LintFinding.info("partial", "a partial index: queries use it only when their WHERE implies "
                    + where.sql()));
        }
        return plan.build();
    }
}
