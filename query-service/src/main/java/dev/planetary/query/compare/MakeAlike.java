package dev.planetary.query.compare;

import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.compare.CompareMessages.Proposal;
import dev.planetary.kernel.compare.ObjectDifference;
import dev.planetary.kernel.compare.ObjectDifference.Status;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.policy.AlterPolicySpec;
import dev.planetary.kernel.spec.policy.CreatePolicySpec;
import dev.planetary.kernel.spec.policy.DropPolicySpec;
import dev.planetary.kernel.spec.privilege.PrivilegeAction;
import dev.planetary.kernel.spec.privilege.TablePrivilege;
import dev.planetary.kernel.spec.privilege.TablePrivilegeSpec;
import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.SqlFragment;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The changes that make target B like target A, for the differences a kind of change exists for:
 * a policy B lacks is created as A has it, one B has in excess is dropped, one that differs is
 * altered (or dropped and created again when its command or mode differ); a table's or view's
 * grants are granted or revoked role by role. Column grants, owners and everything else are left
 * to the list of differences not yet expressible.
 */
final class MakeAlike {

    private final Map<String, Catalog.Policy> policiesOfA;
    private final Map<String, Catalog.Policy> policiesOfB;
    private final Map<String, List<Catalog.Privilege>> grantsOfA;
    private final Map<String, List<Catalog.Privilege>> grantsOfB;
    private final Map<String, String> ownersOfA;

    /** A suggestion per difference, and what is left. */
    record Suggestions(List<Proposal> proposals, List<ObjectDifference> notExpressible) {
    }

    MakeAlike(Catalog.Snapshot a, Catalog.Snapshot b) {
        policiesOfA = byName(a.policies(), RoutineDefinitions::policyName);
        policiesOfB = byName(b.policies(), RoutineDefinitions::policyName);
        grantsOfA = grants(a);
        grantsOfB = grants(b);
        ownersOfA = a.tables().stream().collect(Collectors.toMap(t -> Names.qualified(t.schema(), t.name()), Catalog.Table::owner,
                (x, y) -> x));
    }

    Suggestions suggest(List<ObjectDifference> differences) {
        List<Proposal> proposals = new ArrayList<>();
        List<ObjectDifference> rest = new ArrayList<>();
        for (ObjectDifference difference : differences) {
            List<ChangeSpec> specs = specs(difference);
            if (specs.isEmpty()) {
                rest.add(difference);
            }
            specs.forEach(spec -> proposals.add(new Proposal(difference.kind(), difference.name(), spec)));
        }
        return new Suggestions(proposals, rest);
    }

    private List<ChangeSpec> specs(ObjectDifference difference) {
        try {
            return switch (difference.kind()) {
                case POLICY -> policy(difference);
                case TABLE, VIEW -> difference.status() == Status.DIFFERENT_PRIVILEGES ? grants(difference.name()) : List.of();
                default -> List.of();
            };
        } catch (IllegalArgumentException e) { // SpecViolation among them
            return List.of(); // a name or an expression a spec refuses: left for a person to write
        }
    }

    private List<ChangeSpec> policy(ObjectDifference difference) {
        Catalog.Policy wanted = policiesOfA.get(difference.name());
        Catalog.Policy present = policiesOfB.get(difference.name());
        return switch (difference.status()) {
            case MISSING_ON_RIGHT -> List.of(create(wanted));
            case EXTRA_ON_RIGHT -> List.of(drop(present));
            default -> wanted.command() == present.command() && wanted.mode() == present.mode()
                    ? List.of(new AlterPolicySpec(table(wanted), Identifier.of(wanted.name()),
                    roles(wanted).isEmpty() ? List.of(Grantee.PUBLIC) : roles(wanted), fragment(wanted.using()),
                    fragment(wanted.withCheck())))
                    : List.of(drop(present), create(wanted));
        };
    }

    private static CreatePolicySpec create(Catalog.Policy policy) {
        return new CreatePolicySpec(table(policy), Identifier.of(policy.name()), policy.mode(), policy.command(), roles(policy),
                fragment(policy.using()), fragment(policy.withCheck()));
    }

    private static DropPolicySpec drop(Catalog.Policy policy) {
        return new DropPolicySpec(table(policy), Identifier.of(policy.name()));
    }

    /** Table-wide grants, role by role: those A has and B lacks are granted, those B has in excess revoked. */
    private List<ChangeSpec> grants(String relation) {
        Map<Grantee, Set<TablePrivilege>> wanted = tableWide(grantsOfA.getOrDefault(relation, List.of()), relation);
        Map<Grantee, Set<TablePrivilege>> present = tableWide(grantsOfB.getOrDefault(relation, List.of()), relation);
        Catalog.Privilege any = grantsOfA.getOrDefault(relation, grantsOfB.getOrDefault(relation, List.of())).stream().findFirst()
                .orElse(null);
        if (any == null) {
            return List.of();
        }
        QualifiedName table = QualifiedName.of(any.schema(), any.object());
        List<ChangeSpec> specs = new ArrayList<>();
        new TreeMap<String, Grantee>(union(wanted, present)).values().forEach(grantee -> {
            Set<TablePrivilege> grant = missing(wanted.get(grantee), present.get(grantee));
            Set<TablePrivilege> revoke = missing(present.get(grantee), wanted.get(grantee));
            if (!grant.isEmpty()) {
                specs.add(new TablePrivilegeSpec(PrivilegeAction.GRANT, List.copyOf(grant), table, null, grantee, false));
            }
            if (!revoke.isEmpty()) {
                specs.add(new TablePrivilegeSpec(PrivilegeAction.REVOKE, List.copyOf(revoke), table, null, grantee, false));
            }
        });
        return specs;
    }

    /** Grants to roles other than the owner, on the whole relation, without grant option (the others are not suggested). */
    private Map<Grantee, Set<TablePrivilege>> tableWide(List<Catalog.Privilege> privileges, String relation) {
        String owner = ownersOfA.get(relation);
        Map<Grantee, Set<TablePrivilege>> byGrantee = new java.util.HashMap<>();
        for (Catalog.Privilege privilege : privileges) {
            if (privilege.column() != null || privilege.grantable() || privilege.grantee().equals(owner)) {
                continue;
            }
            Optional<TablePrivilege> known = java.util.Arrays.stream(TablePrivilege.values())
                    .filter(p -> p.name().equals(privilege.privilege())).findFirst();
            known.ifPresent(p -> byGrantee.computeIfAbsent(Grantee.of(privilege.grantee()), g -> EnumSet.noneOf(TablePrivilege.class))
                    .add(p));
        }
        return byGrantee;
    }

    private static Map<String, Grantee> union(Map<Grantee, ?> x, Map<Grantee, ?> y) {
        Map<String, Grantee> all = new TreeMap<>();
        x.keySet().forEach(g -> all.put(g.display(), g));
        y.keySet().forEach(g -> all.put(g.display(), g));
        return all;
    }

    private static Set<TablePrivilege> missing(Set<TablePrivilege> from, Set<TablePrivilege> in) {
        Set<TablePrivilege> missing = EnumSet.noneOf(TablePrivilege.class);
        if (from != null) {
            missing.addAll(from);
        }
        if (in != null) {
            missing.removeAll(in);
        }
        return missing;
    }

    private static Map<String, List<Catalog.Privilege>> grants(Catalog.Snapshot snapshot) {
        Map<Long, String> relations = new java.util.HashMap<>();
        snapshot.tables().forEach(t -> relations.put(t.oid(), Names.qualified(t.schema(), t.name())));
        snapshot.views().forEach(v -> relations.put(v.oid(), Names.qualified(v.schema(), v.name())));
        return snapshot.privileges().stream()
                .filter(p -> (p.objectType() == Catalog.PrivilegeObject.TABLE || p.objectType() == Catalog.PrivilegeObject.VIEW)
                        && relations.containsKey(p.objectOid()))
                .collect(Collectors.groupingBy(p -> relations.get(p.objectOid())));
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
