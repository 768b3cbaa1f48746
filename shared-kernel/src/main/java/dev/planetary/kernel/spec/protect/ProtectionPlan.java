package dev.planetary.kernel.spec.protect;

import dev.planetary.kernel.ddl.AlterColumnDefault;
import dev.planetary.kernel.ddl.AlterOwner;
import dev.planetary.kernel.ddl.CommentOn;
import dev.planetary.kernel.ddl.CreateFunction;
import dev.planetary.kernel.ddl.CreateTrigger;
import dev.planetary.kernel.ddl.CreateView;
import dev.planetary.kernel.ddl.Drop;
import dev.planetary.kernel.ddl.DropFunction;
import dev.planetary.kernel.ddl.Grant;
import dev.planetary.kernel.ddl.Policy;
import dev.planetary.kernel.ddl.RowSecurity;
import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.spec.TableFacts.FactColumn;
import dev.planetary.kernel.spec.TableFacts.FactGrant;
import dev.planetary.kernel.spec.TableFacts.FactPolicy;
import dev.planetary.kernel.spec.TableFacts;
import dev.planetary.kernel.spec.policy.PolicyExpressions;
import dev.planetary.kernel.spec.trigger.TriggerEvent;
import dev.planetary.kernel.spec.view.Redactions;
import dev.planetary.kernel.spec.view.ViewColumn;
import dev.planetary.kernel.sql.DollarQuote;
import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.SqlFragment;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders a {@link ProtectTableSpec}. Why the contract is built this way:
 * <ul>
 *   <li>PostgreSQL attaches policies to tables, never to views, and a view reads its tables with
 *   its <em>owner's</em> rights. So the views are owned by the table's owner, the only role that
 *   keeps direct access, and the table gets {@code FORCE ROW LEVEL SECURITY}: without FORCE the
 *   owner, and so every view, would skip the policies.</li>
 *   <li>Because every query reaches the table as the owner, {@code current_user} inside a policy
 *   is the owner for everybody. Policies tell callers apart by session claims instead
 *   ({@code current_setting('app.tenant_id', true)}, PostgREST's {@code request.jwt.claims}),
 *   which do not change with the checking role.</li>
 *   <li>Writes go through {@code INSTEAD OF} triggers whose functions are {@code SECURITY DEFINER}
 *   (owned by the owner, the callers have no right on the table) with a fixed
 *   {@code search_path = pg_catalog, pg_temp}, so a caller's objects cannot stand in for the
 *   ones the function means. The owner's writes are checked by the forced policies' WITH CHECK,
 *   so a caller cannot write another tenant's rows; UPDATE and DELETE only reach rows the view
 *   shows, which the policies already narrowed.</li>
 *   <li>Each write first calls the requester's validation function for that operation, named
 *   {@code <table>_on_insert|update|delete} and overloaded by the view's row type.</li>
 *   <li>Views are {@code security_barrier}, so a caller's leaky function in a WHERE clause is not
 *   pushed below the view's own conditions.</li>
 * </ul>
 */
final class ProtectionPlan {

    private final ProtectTableSpec spec;
    private final QualifiedName table;
    private final TableFacts facts;
    private final PlanBuilder plan;

    ProtectionPlan(ProtectTableSpec spec) {
        this.spec = spec;
        this.table = spec.table();
        this.facts = spec.facts();
        this.plan = PlanBuilder.summarised("Protect " + table.display() + ": reachable only through "
                + spec.views().stream().map(v -> v.name().name()).collect(Collectors.joining(", "))
                + (spec.policies().isEmpty() ? "" : ", rows limited by "
                + spec.policies().stream().map(p -> p.name().name()).collect(Collectors.joining(", "))));
    }

    /** Checks the views against the table's columns and key; each refusal names the field. */
    static void check(QualifiedName table, List<AccessView> views, TableFacts facts) {
        for (int v = 0; v < views.size(); v++) {
            AccessView view = views.get(v);
            String at = "views[" + v + "]";
            Redactions.checkColumns(at + ".columns", view.columns(), table, facts);
            if ((view.accepts(TriggerEvent.UPDATE) || view.accepts(TriggerEvent.DELETE))) {
                if (facts.primaryKey().isEmpty()) {
                    throw new SpecViolation(at + ".writes", table.display()
                            + " has no primary key, so an UPDATE or DELETE through a view cannot name its row");
                }
                for (Identifier key : facts.primaryKey()) {
                    if (view.columns().stream().noneMatch(c -> c.name().equals(key) && c.plain())) {
                        throw new SpecViolation(at + ".columns", "UPDATE and DELETE need the key column " + key.name()
                                + " shown unmasked in " + view.name().name());
                    }
                }
            }
            if (view.accepts(TriggerEvent.INSERT) && writable(view, facts).isEmpty()) {
                throw new SpecViolation(at + ".writes", view.name().name() + " shows no column an INSERT could set");
            }
            for (String suffix : List.of("_insert", "_update", "_delete", "_on_insert", "_on_update", "_on_delete")) {
                String base = suffix.startsWith("_on") ? table.name().name() : view.name().name();
                if ((base + suffix).getBytes(java.nio.charset.StandardCharsets.UTF_8).length > Identifier.MAX_BYTES) {
                    throw new SpecViolation(suffix.startsWith("_on") ? "table" : at + ".name",
                            "the name is too long to derive the function name " + base + suffix + " from it");
                }
            }
        }
    }

    Plan build() {
        plan.touches(ObjectRef.table(table));
        installRedactions();
        closeTable();
        replacePolicies();
        for (AccessView view : spec.views()) {
            createView(view);
        }
        inverse();
        lint();
        return plan.build();
    }

    // ---- forward -------------------------------------------------------------------------------

    private void installRedactions() {
        Redactions.install(plan, spec.views().stream().flatMap(v -> v.columns().stream()).toList());
    }

    private void closeTable() {
        plan.changes(CatalogEffect.relationPrivileges(table));
        plan.statement(Grant.revoke(List.of(Grant.Privilege.of("ALL")), Grant.Target.TABLE, table.quoted(), List.of(Grantee.PUBLIC)).sql());
        for (Grantee grantee : facts.grantees()) {
            if (!grantee.isPublic()) {
                plan.statement(Grant.revoke(List.of(Grant.Privilege.of("ALL")), Grant.Target.TABLE, table.quoted(), List.of(grantee)).sql());
            }
        }
        if (!facts.grants().isEmpty()) {
            plan.highRisk("takes direct access to " + table.display() + " away from "
                    + facts.grantees().stream().map(Grantee::display).collect(Collectors.joining(", ")));
        }
    }

    private void replacePolicies() {
        for (FactPolicy existing : facts.policies()) {
            plan.statement(Policy.drop(existing.name(), table))
                    .changes(CatalogEffect.policy(table, existing.name()));
        }
        if (spec.policies().isEmpty()) {
            return;
        }
        plan.changes(CatalogEffect.rowSecurity(table));
        plan.statement(new RowSecurity(table, RowSecurity.Action.ENABLE).sql());
        plan.statement(new RowSecurity(table, RowSecurity.Action.FORCE).sql());
        if (!facts.rlsForced()) {
            plan.highRisk("forces row security: the owner " + facts.owner().name()
                    + ", its views and its SECURITY DEFINER functions see only the rows the policies allow");
        }
        for (RowPolicy policy : spec.policies()) {
            plan.touches(ObjectRef.policy(table, policy.name())).changes(CatalogEffect.policy(table, policy.name()));
            plan.statement(Policy.create(policy.name(), table, policy.mode(), policy.command(), List.of(), policy.using(),
                    policy.withCheck()));
        }
    }

    private void createView(AccessView view) {
        QualifiedName name = sibling(view.name());
        // A new view: its privileges, default values and triggers are part of its creation.
        plan.touches(ObjectRef.table(name)).changes(CatalogEffect.relation(name));
        String columns = Redactions.selectList(view.columns(), facts);
        plan.statement(new CreateView(false, name, List.of(CreateView.Option.SECURITY_BARRIER), columns, table).sql());
        plan.statement(new AlterOwner(AlterOwner.Kind.VIEW, name.quoted(), facts.owner()).sql());
        plan.statement(new CommentOn(CommentOn.Target.VIEW, name, null, List.of(),
                "Access point of " + table.display() + ", generated by Planetary (protect-table)").sql());
        if (view.accepts(TriggerEvent.INSERT)) {
            for (ViewColumn column : writable(view, facts)) {
                SqlFragment defaultValue = facts.column(column.name()).defaultValue();
                if (defaultValue != null) {
                    plan.statement(new AlterColumnDefault(name, column.name(), defaultValue).sql());
                }
            }
        }
        for (ViewWrite write : view.writes()) {
            createWrite(view, name, write);
        }
        grant(view, name);
    }

    private void createWrite(AccessView view, QualifiedName name, ViewWrite write) {
        QualifiedName validation = validationFunction(write.operation());
        QualifiedName trigger = triggerFunction(view, write.operation());
        plan.touches(ObjectRef.function(validation)).touches(ObjectRef.function(trigger))
                .changes(CatalogEffect.function(validation)).changes(CatalogEffect.function(trigger));
        String rowType = name.quoted();
        String validationSignature = validation.quoted() + "(" + validationArguments(write.operation(), rowType) + ")";
        plan.statement(CreateFunction.of(validation, validationParameters(write.operation(), rowType),
                        write.operation() == TriggerEvent.DELETE ? "boolean" : rowType, "plpgsql", "\n" + write.body() + "\n",
                        DollarQuote.PLATFORM)
                .withSearchPath(CreateFunction.SYSTEM_SEARCH_PATH).sql());
        plan.statement(CreateFunction.of(trigger, List.of(), "trigger", "plpgsql",
                        "\n" + triggerBody(view, name, write.operation(), validation) + "\n", DollarQuote.PLATFORM)
                .asSecurityDefiner().withSearchPath(CreateFunction.SYSTEM_SEARCH_PATH).sql());
        for (String function : List.of(validationSignature, trigger.quoted() + "()")) {
            plan.statement(new AlterOwner(AlterOwner.Kind.FUNCTION, function, facts.owner()).sql());
            plan.statement(Grant.revoke(List.of(Grant.Privilege.of("ALL")), Grant.Target.FUNCTION, function, List.of(Grantee.PUBLIC)).sql());
        }
        plan.statement(insteadOf(name, write.operation(), trigger).sql());
    }

    /**
     * The generated trigger function: call the validation function, then write the raw table as
     * the owner and hand back the row as the view shows it (so RETURNING works through the view).
     */
    private String triggerBody(AccessView view, QualifiedName name, TriggerEvent operation, QualifiedName validation) {
        List<ViewColumn> writable = writable(view, facts);
        String returning = " RETURNING " + view.columns().stream().map(this::shown).collect(Collectors.joining(", "))
                + " INTO " + view.columns().stream().map(c -> "checked." + c.name().quoted()).collect(Collectors.joining(", "));
        String key = facts.primaryKey().stream().map(k -> k.quoted() + " = OLD." + k.quoted())
                .collect(Collectors.joining(" AND "));
        StringBuilder body = new StringBuilder(operation == TriggerEvent.DELETE ? ""
                : "DECLARE\n    checked " + name.quoted() + ";\n").append("BEGIN\n");
        switch (operation) {
            case INSERT -> body.append("    checked := ").append(validation.quoted()).append("(NEW);\n")
                    .append("    IF checked IS NULL THEN\n        RETURN NULL;\n    END IF;\n")
                    .append("    INSERT INTO ").append(table.quoted()).append(" (")
                    .append(writable.stream().map(c -> c.name().quoted()).collect(Collectors.joining(", ")))
                    .append(")\n        VALUES (")
                    .append(writable.stream().map(c -> "checked." + c.name().quoted()).collect(Collectors.joining(", ")))
                    .append(")\n       ").append(returning).append(";\n")
                    .append("    RETURN checked;\n");
            case UPDATE -> body.append("    checked := ").append(validation.quoted()).append("(OLD, NEW);\n")
                    .append("    IF checked IS NULL THEN\n        RETURN NULL;\n    END IF;\n")
                    .append("    UPDATE ").append(table.quoted()).append(" SET ")
                    .append(writable.stream().map(c -> c.name().quoted() + " = checked." + c.name().quoted())
                            .collect(Collectors.joining(", ")))
                    .append("\n        WHERE ").append(key).append("\n       ").append(returning).append(";\n")
                    .append("    IF NOT FOUND THEN\n        RETURN NULL;\n    END IF;\n")
                    .append("    RETURN checked;\n");
            case DELETE -> body.append("    IF NOT coalesce(").append(validation.quoted()).append("(OLD), false) THEN\n")
                    .append("        RETURN NULL;\n    END IF;\n")
                    .append("    DELETE FROM ").append(table.quoted()).append(" WHERE ").append(key).append(";\n")
                    .append("    IF NOT FOUND THEN\n        RETURN NULL;\n    END IF;\n")
                    .append("    RETURN OLD;\n");
            default -> throw new IllegalStateException("not a view write: " + operation);
        }
        return body.append("END").toString();
    }

    private void grant(AccessView view, QualifiedName name) {
        if (view.grantees().isEmpty()) {
            return;
        }
        List<Grant.Privilege> privileges = new ArrayList<>(List.of(Grant.Privilege.of("SELECT")));
        view.writes().forEach(write -> privileges.add(Grant.Privilege.of(write.operation().name())));
        plan.statement(Grant.grant(privileges, Grant.Target.RELATION, name.quoted(), view.grantees()).sql());
        List<Grantee> withoutUsage = schemaUsageToGrant(view);
        if (!withoutUsage.isEmpty()) {
            plan.statement(Grant.grant(List.of(Grant.Privilege.of("USAGE")), Grant.Target.SCHEMA, table.schema().quoted(),
                            withoutUsage).sql())
                    .changes(CatalogEffect.schemaPrivileges(table.schema()));
        }
    }

    /** Grantees of this view that need USAGE on the schema and neither have it nor got it from an earlier view. */
    private List<Grantee> schemaUsageToGrant(AccessView view) {
        if (facts.schemaUsage().contains(Grantee.PUBLIC)) {
            return List.of();
        }
        List<Grantee> earlier = spec.views().stream().takeWhile(v -> v != view)
                .flatMap(v -> v.grantees().stream()).toList();
        return view.grantees().stream()
                .filter(g -> !facts.schemaUsage().contains(g) && !earlier.contains(g))
                .toList();
    }

    // ---- inverse -------------------------------------------------------------------------------

    private void inverse() {
        List<AccessView> views = new ArrayList<>(spec.views());
        java.util.Collections.reverse(views);
        for (AccessView view : views) {
            QualifiedName name = sibling(view.name());
            // Functions depend on the view's row type and the triggers on the functions: drop from the outside in.
            for (ViewWrite write : view.writes()) {
                QualifiedName trigger = triggerFunction(view, write.operation());
                plan.inverse(insteadOf(name, write.operation(), trigger).inverse().sql());
                plan.inverse(new DropFunction(trigger.quoted() + "()", false).sql());
                plan.inverse(new DropFunction(validationFunction(write.operation()).quoted() + "("
                        + validationArguments(write.operation(), name.quoted()) + ")", false).sql());
            }
            plan.inverse(new Drop(Drop.Kind.VIEW, name.quoted(), false).sql());
        }
        for (RowPolicy policy : spec.policies()) {
            plan.inverse(Policy.drop(policy.name(), table));
        }
        for (FactPolicy former : facts.policies()) {
            plan.inverse(Policy.create(former.name(), table, former.mode(), former.command(), former.roles(), former.using(),
                    former.withCheck()));
        }
        if (!spec.policies().isEmpty()) {
            if (!facts.rlsForced()) {
                plan.inverse(new RowSecurity(table, RowSecurity.Action.NO_FORCE).sql());
            }
            if (!facts.rlsEnabled()) {
                plan.inverse(new RowSecurity(table, RowSecurity.Action.DISABLE).sql());
            }
        }
        restoreGrants();
        List<Grantee> usage = new ArrayList<>();
        spec.views().forEach(v -> usage.addAll(schemaUsageToGrant(v)));
        if (!usage.isEmpty()) {
            plan.inverse(Grant.revoke(List.of(Grant.Privilege.of("USAGE")), Grant.Target.SCHEMA, table.schema().quoted(), usage).sql());
        }
    }

    /** One GRANT per grantee, target (table or column) and grant option, privileges in catalog order. */
    private void restoreGrants() {
        record Target(Grantee grantee, Identifier column, boolean grantable) {
        }
        Map<Target, List<String>> grouped = new LinkedHashMap<>();
        for (FactGrant grant : facts.grants()) {
            grouped.computeIfAbsent(new Target(grant.grantee(), grant.column(), grant.grantable()), t -> new ArrayList<>())
                    .add(grant.privilege());
        }
        grouped.forEach((target, privileges) -> plan.inverse(Grant.grant(privileges.stream()
                        .map(p -> new Grant.Privilege(p, target.column() == null ? List.of() : List.of(target.column()))).toList(),
                Grant.Target.TABLE, table.quoted(), List.of(target.grantee())).withGrantOption(target.grantable()).sql()));
    }

    // ---- findings ------------------------------------------------------------------------------

    private void lint() {
        if (facts.ownerBypassesRls()) {
            plan.highRisk("the owner " + facts.owner().name() + " bypasses row security: no policy applies through the views");
            plan.finding(LintFinding.warning("owner-bypasses-rls", "the owner " + facts.owner().name()
                    + " is a superuser or has BYPASSRLS, so the views show every row whatever the policies say"));
        }
        if (spec.policies().isEmpty()) {
            plan.finding(LintFinding.warning("no-row-policy",
                    "no row policy: every grantee of a view sees and writes every row of " + table.display()));
        }
        for (RowPolicy policy : spec.policies()) {
            PolicyExpressions.lint(plan, policy.using(), policy.withCheck());
            String expressions = (policy.using() == null ? "" : policy.using().sql()) + " "
                    + (policy.withCheck() == null ? "" : policy.withCheck().sql());
            if (expressions.toLowerCase(Locale.ROOT).matches("(?s).*\\b(current_user|current_role|user)\\b.*")) {
                plan.finding(LintFinding.warning("policy-uses-current-user", "policy " + policy.name().name()
                        + " uses current_user, which is the views' owner for every caller: use a claim such as"
                        + " current_setting('app.user_id', true) instead"));
            }
        }
        if (!facts.policies().isEmpty()) {
            plan.finding(LintFinding.warning("replaces-policies", "replaces the table's policies "
                    + facts.policies().stream().map(p -> p.name().name()).collect(Collectors.joining(", "))
                    + " (unprotect creates them again)"));
        }
        for (AccessView view : spec.views()) {
            if (view.grantees().isEmpty()) {
                plan.finding(LintFinding.warning("view-without-grantees",
                        view.name().name() + " is granted to nobody: only its owner can use it"));
            }
        }
        for (TableFacts.DependentView dependent : facts.dependentViews()) {
            if (dependent.owner().equals(facts.owner())) {
                plan.finding(LintFinding.info("dependent-view", dependent.name().display()
                        + " keeps reading the table as its owner and from now on sees only the rows the policies allow"));
            } else {
                plan.finding(LintFinding.warning("dependent-view-loses-access", dependent.name().display()
                        + " is owned by " + dependent.owner().name() + ", who loses access to the table: it stops working"));
            }
        }
    }

    // ---- names and pieces ----------------------------------------------------------------------

    private QualifiedName sibling(Identifier name) {
        return new QualifiedName(table.schema(), name);
    }

    private QualifiedName validationFunction(TriggerEvent operation) {
        return sibling(Identifier.of(table.name().name() + "_on_" + operation.name().toLowerCase(Locale.ROOT)));
    }

    private QualifiedName triggerFunction(AccessView view, TriggerEvent operation) {
        return sibling(Identifier.of(view.name().name() + "_" + operation.name().toLowerCase(Locale.ROOT)));
    }

    /** The validation function's parameters: the row (or the rows) as the view shows it, named as the requester's body reads them. */
    private static List<CreateFunction.Parameter> validationParameters(TriggerEvent operation, String rowType) {
        return switch (operation) {
            case INSERT -> List.of(CreateFunction.Parameter.named("new_row", rowType));
            case UPDATE -> List.of(CreateFunction.Parameter.named("old_row", rowType), CreateFunction.Parameter.named("new_row", rowType));
            case DELETE -> List.of(CreateFunction.Parameter.named("old_row", rowType));
            default -> throw new IllegalStateException("not a view write: " + operation);
        };
    }

    /** The validation function's identity argument types, as ALTER, REVOKE and DROP FUNCTION name it. */
    private static String validationArguments(TriggerEvent operation, String rowType) {
        return validationParameters(operation, rowType).stream().map(CreateFunction.Parameter::type).collect(Collectors.joining(", "));
    }

    /** The INSTEAD OF row trigger through which a view accepts one kind of write. */
    private static CreateTrigger insteadOf(QualifiedName view, TriggerEvent operation, QualifiedName function) {
        return CreateTrigger.forEachRow(Identifier.of("planetary_" + operation.name().toLowerCase(Locale.ROOT)),
                CreateTrigger.Timing.INSTEAD_OF, List.of(operation.keyword()), view, function);
    }

    private String shown(ViewColumn column) {
        return Redactions.shown(column, facts);
    }

    /** Columns a write through the view sets: shown unmasked and not assigned by the server. */
    static List<ViewColumn> writable(AccessView view, TableFacts facts) {
        return view.columns().stream()
                .filter(ViewColumn::plain)
                .filter(c -> facts.column(c.name()) != null && !facts.column(c.name()).generated())
                .toList();
    }
}
