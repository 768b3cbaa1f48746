package dev.planetary.query.compare;

import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.compare.CompareMessages.Proposal;
import dev.planetary.kernel.compare.ObjectDifference;
import dev.planetary.kernel.compare.ObjectDifference.Status;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.policy.AlterPolicySpec;
import dev.planetary.kernel.spec.policy.CreatePolicySpec;
import dev.planetary.kernel.spec.policy.DropPolicySpec;
import dev.planetary.kernel.spec.function.DropFunctionSpec;
import dev.planetary.kernel.spec.policy.RowSecurityAction;
import dev.planetary.kernel.spec.policy.RowSecuritySpec;
import dev.planetary.kernel.spec.privilege.PrivilegeAction;
import dev.planetary.kernel.spec.privilege.RoleMembershipSpec;
import dev.planetary.kernel.spec.trigger.CreateTriggerSpec;
import dev.planetary.kernel.spec.trigger.DropTriggerSpec;
import dev.planetary.kernel.spec.trigger.TriggerEnablementSpec;
import dev.planetary.kernel.spec.view.DropViewSpec;
import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.SqlFragment;
import dev.planetary.kernel.sql.TypeName;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The changes that make target B like target A, for the differences a kind of change exists for:
 * <ul>
 * <li>a policy B lacks is created as A has it, one B has in excess is dropped, one that differs in
 * its roles or expressions is altered;</li>
 * <li>a trigger B lacks is created (and disabled when A's is), one in excess dropped, one enabled
 * or disabled set as A's;</li>
 * <li>a table's row security is enabled, disabled, forced or not as A's; a view or a function B
 * has in excess is dropped;</li>
 * <li>grants on tables and views (whole or by column), schemas and functions, role by role
 * ({@link GrantsAlike}); a role's memberships, granted or revoked.</li>
 * </ul>
 * What no kind expresses (a function's or a view's body, columns, indexes, owners, an object whose
 * command or definition differs, so that it would be dropped and created again in one go) stays
 * in the list of differences not yet expressible; a difference only partly expressed is in both.
 */
final class MakeAlike {

    private final Map<String, Catalog.Policy> policiesOfA;
    private final Map<String, Catalog.Policy> policiesOfB;
    private final Map<String, Catalog.Trigger> triggersOfA;
    private final Map<String, Catalog.Trigger> triggersOfB;
    private final Map<String, Catalog.Table> tablesOfA;
    private final Map<String, Catalog.Table> tablesOfB;
    private final Map<String, Catalog.Function> functionsOfB;
    private final Map<String, Catalog.View> viewsOfB;
    private final Map<String, List<Catalog.Membership>> membershipsOfA;
    private final Map<String, List<Catalog.Membership>> membershipsOfB;
    private final GrantsAlike grants;

    /** A suggestion per difference, and what is left. */
    record Suggestions(List<Proposal> proposals, List<ObjectDifference> notExpressible) {
    }

    /** The specs for one difference, and whether they make the object alike (or only part of it). */
    private record Expressed(List<ChangeSpec> specs, boolean complete) {

        static final Expressed NOTHING = new Expressed(List.of(), false);

        static Expressed fully(ChangeSpec... specs) {
            return new Expressed(List.of(specs), true);
        }

        Expressed and(Expressed other) {
            List<ChangeSpec> all = new ArrayList<>(specs);
            all.addAll(other.specs);
            return new Expressed(all, complete && other.complete);
        }
    }

    MakeAlike(Catalog.Snapshot a, Catalog.Snapshot b) {
        policiesOfA = byName(a.policies(), RoutineDefinitions::policyName);
        policiesOfB = byName(b.policies(), RoutineDefinitions::policyName);
        triggersOfA = byName(a.triggers(), RoutineDefinitions::triggerName);
        triggersOfB = byName(b.triggers(), RoutineDefinitions::triggerName);
        tablesOfA = byName(a.tables(), t -> Names.qualified(t.schema(), t.name()));
        tablesOfB = byName(b.tables(), t -> Names.qualified(t.schema(), t.name()));
        functionsOfB = byName(b.functions(), RoutineDefinitions::functionName);
        viewsOfB = byName(b.views(), v -> Names.qualified(v.schema(), v.name()));
        membershipsOfA = a.memberships().stream().collect(Collectors.groupingBy(m -> Names.identifier(m.member())));
        membershipsOfB = b.memberships().stream().collect(Collectors.groupingBy(m -> Names.identifier(m.member())));
        grants = new GrantsAlike(a, b);
    }

    Suggestions suggest(List<ObjectDifference> differences) {
        List<Proposal> proposals = new ArrayList<>();
        List<ObjectDifference> rest = new ArrayList<>();
        for (ObjectDifference difference : differences) {
            Expressed expressed = expressed(difference);
            if (!expressed.complete() || expressed.specs().isEmpty()) {
                rest.add(difference);
            }
            expressed.specs().forEach(spec -> proposals.add(new Proposal(difference.kind(), difference.name(), spec)));
        }
        return new Suggestions(proposals, rest);
    }

    private Expressed expressed(ObjectDifference difference) {
        try {
            return switch (difference.kind()) {
                case POLICY -> policy(difference);
                case TRIGGER -> trigger(difference);
                case TABLE -> definition(difference, this::rowSecurity).and(grants(difference));
                case VIEW -> difference.status() == Status.EXTRA_ON_RIGHT ? dropView(viewsOfB.get(difference.name()))
                        : definition(difference, d -> Expressed.NOTHING).and(grants(difference));
                case FUNCTION -> function(difference);
                case SCHEMA -> definition(difference, d -> Expressed.NOTHING).and(grants(difference));
                case ROLE -> definition(difference, this::memberships);
                default -> Expressed.NOTHING;
            };
        } catch (IllegalArgumentException e) { // SpecViolation among them
            return Expressed.NOTHING; // a name or an expression a spec refuses: left for a person to write
        }
    }

    /** The definition's part: nothing to do when only the grants differ. */
    private static Expressed definition(ObjectDifference difference, java.util.function.Function<ObjectDifference, Expressed> how) {
        return switch (difference.status()) {
            case DIFFERENT_PRIVILEGES -> new Expressed(List.of(), true);
            case DIFFERENT_DEFINITION, DIFFERENT_BOTH -> how.apply(difference);
            default -> Expressed.NOTHING;
        };
    }

    private Expressed grants(ObjectDifference difference) {
        if (difference.status() != Status.DIFFERENT_PRIVILEGES && difference.status() != Status.DIFFERENT_BOTH) {
            return new Expressed(List.of(), true);
        }
        GrantsAlike.Grants alike = grants.of(difference);
        return new Expressed(alike.specs(), alike.complete());
    }

    private Expressed policy(ObjectDifference difference) {
        Catalog.Policy wanted = policiesOfA.get(difference.name());
        Catalog.Policy present = policiesOfB.get(difference.name());
        return switch (difference.status()) {
            case MISSING_ON_RIGHT -> Expressed.fully(create(wanted));
            case EXTRA_ON_RIGHT -> Expressed.fully(drop(present));
            // A policy's command and mode cannot be altered; dropping and creating it in two changes
            // would leave the table without it in between (and the creation's dry-run would fail).
            default -> wanted.command() == present.command() && wanted.mode() == present.mode()
                    ? Expressed.fully(new AlterPolicySpec(table(wanted), Identifier.of(wanted.name()),
                    roles(wanted).isEmpty() ? List.of(Grantee.PUBLIC) : roles(wanted), fragment(wanted.using()),
                    fragment(wanted.withCheck())))
                    : Expressed.NOTHING;
        };
    }

    private Expressed trigger(ObjectDifference difference) {
        Catalog.Trigger wanted = triggersOfA.get(difference.name());
        Catalog.Trigger present = triggersOfB.get(difference.name());
        return switch (difference.status()) {
            case MISSING_ON_RIGHT -> create(wanted);
            case EXTRA_ON_RIGHT -> Expressed.fully(new DropTriggerSpec(QualifiedName.of(present.schema(), present.table()),
                    Identifier.of(present.name())));
            default -> wanted.definition().equals(present.definition()) ? enablement(wanted, present) : Expressed.NOTHING;
        };
    }

    /** A trigger as A has it, when its parts are ones a spec holds (no arguments, not a constraint trigger). */
    private static Expressed create(Catalog.Trigger trigger) {
        if (trigger.constraint() || !trigger.definition().endsWith("()") || trigger.enabled() == Catalog.TriggerEnabled.ALWAYS
                || trigger.enabled() == Catalog.TriggerEnabled.REPLICA) {
            return Expressed.NOTHING;
        }
        QualifiedName table = QualifiedName.of(trigger.schema(), trigger.table());
        ChangeSpec create = new CreateTriggerSpec(table, Identifier.of(trigger.name()), trigger.timing(), trigger.events(),
                trigger.columns().stream().map(Identifier::of).toList(), trigger.level(), fragment(trigger.when()),
                QualifiedName.of(trigger.functionSchema(), trigger.functionName()), List.of());
        return trigger.enabled() == Catalog.TriggerEnabled.DISABLED
                ? Expressed.fully(create, new TriggerEnablementSpec(table, Identifier.of(trigger.name()), false))
                : Expressed.fully(create);
    }

    private static Expressed enablement(Catalog.Trigger wanted, Catalog.Trigger present) {
        boolean on = wanted.enabled() == Catalog.TriggerEnabled.ORIGIN;
        boolean off = wanted.enabled() == Catalog.TriggerEnabled.DISABLED;
        if (!on && !off || present.enabled() == wanted.enabled()) {
            return Expressed.NOTHING; // ALWAYS and REPLICA have no kind yet
        }
        return Expressed.fully(new TriggerEnablementSpec(QualifiedName.of(wanted.schema(), wanted.table()),
                Identifier.of(wanted.name()), on));
    }

    /** Row security as A has it; complete only when nothing else of the table's definition differs. */
    private Expressed rowSecurity(ObjectDifference difference) {
        Catalog.Table wanted = tablesOfA.get(difference.name());
        Catalog.Table present = tablesOfB.get(difference.name());
        if (wanted == null || present == null) {
            return Expressed.NOTHING;
        }
        QualifiedName table = QualifiedName.of(wanted.schema(), wanted.name());
        List<ChangeSpec> specs = new ArrayList<>();
        if (wanted.rlsEnabled() != present.rlsEnabled()) {
            specs.add(new RowSecuritySpec(table, wanted.rlsEnabled() ? RowSecurityAction.ENABLE : RowSecurityAction.DISABLE));
        }
        if (wanted.rlsForced() != present.rlsForced()) {
            specs.add(new RowSecuritySpec(table, wanted.rlsForced() ? RowSecurityAction.FORCE : RowSecurityAction.NO_FORCE));
        }
        return new Expressed(specs, withoutLines(difference.definitionLeft(), RelationDefinitions.ROW_SECURITY)
                .equals(withoutLines(difference.definitionRight(), RelationDefinitions.ROW_SECURITY)));
    }

    /** A definition without the lines a suggestion makes alike, to tell whether anything else differs. */
    private static String withoutLines(String definition, String starting) {
        return definition == null ? "" : definition.lines().filter(line -> !line.startsWith(starting))
                .collect(Collectors.joining("\n"));
    }

    /**
     * A role's memberships as A has them, one grant or revoke each; complete only when nothing else
     * of the role differs (its attributes have no kind of change yet).
     */
    private Expressed memberships(ObjectDifference difference) {
        Map<String, Catalog.Membership> wanted = byName(membershipsOfA.getOrDefault(difference.name(), List.of()),
                Catalog.Membership::role);
        Map<String, Catalog.Membership> present = byName(membershipsOfB.getOrDefault(difference.name(), List.of()),
                Catalog.Membership::role);
        List<ChangeSpec> specs = new ArrayList<>();
        boolean complete = withoutLines(difference.definitionLeft(), ClusterDefinitions.MEMBER_OF)
                .equals(withoutLines(difference.definitionRight(), ClusterDefinitions.MEMBER_OF));
        present.forEach((role, membership) -> {
            if (!wanted.containsKey(role)) {
                specs.add(membership(PrivilegeAction.REVOKE, membership, false));
            }
        });
        for (Catalog.Membership membership : wanted.values()) {
            Catalog.Membership held = present.get(membership.role());
            if (held == null) {
                specs.add(membership(PrivilegeAction.GRANT, membership, membership.adminOption()));
            } else if (held.adminOption() != membership.adminOption()) {
                complete = false; // the admin option alone: a revoke and a grant apart would not say which comes first
            }
        }
        return new Expressed(specs, complete);
    }

    private static RoleMembershipSpec membership(PrivilegeAction action, Catalog.Membership membership, boolean admin) {
        return new RoleMembershipSpec(action, Identifier.of(membership.role()), Identifier.of(membership.member()), admin);
    }

    /** A view B has in excess is dropped (without CASCADE: the dry-run says what depends on it). */
    private static Expressed dropView(Catalog.View view) {
        return view == null || view.materialized() ? Expressed.NOTHING
                : Expressed.fully(new DropViewSpec(QualifiedName.of(view.schema(), view.name()), false));
    }

    /** A function B has in excess is dropped; a body, arguments or settings that differ are not expressible yet. */
    private Expressed function(ObjectDifference difference) {
        if (difference.status() == Status.EXTRA_ON_RIGHT) {
            Catalog.Function present = functionsOfB.get(difference.name());
            if (present == null || present.kind() != Catalog.RoutineKind.FUNCTION) {
                return Expressed.NOTHING;
            }
            return Expressed.fully(new DropFunctionSpec(QualifiedName.of(present.schema(), present.name()),
                    present.arguments().stream().filter(a -> a.mode() != Catalog.ArgumentMode.OUT
                            && a.mode() != Catalog.ArgumentMode.TABLE).map(a -> TypeName.of(a.type())).toList(), false));
        }
        return definition(difference, d -> Expressed.NOTHING).and(grants(difference));
    }

    private static CreatePolicySpec create(Catalog.Policy policy) {
        return new CreatePolicySpec(table(policy), Identifier.of(policy.name()), policy.mode(), policy.command(), roles(policy),
                fragment(policy.using()), fragment(policy.withCheck()));
    }

    private static DropPolicySpec drop(Catalog.Policy policy) {
        return new DropPolicySpec(table(policy), Identifier.of(policy.name()));
    }

    private static <T> Map<String, T> byName(List<T> objects, Function<T, String> name) {
        return objects.stream().collect(Collectors.toMap(name, o -> o, (x, y) -> x));
    }

    private static QualifiedName table(Catalog.Policy policy) {
        return QualifiedName.of(policy.schema(), policy.table());
    }

    private static List<Grantee> roles(Catalog.Policy policy) {
        return policy.roles().stream().map(Grantee::of).filter(g -> !g.isPublic()).toList();
    }

    private static SqlFragment fragment(String expression) {
        return expression == null ? null : SqlFragment.of(expression);
    }
}
