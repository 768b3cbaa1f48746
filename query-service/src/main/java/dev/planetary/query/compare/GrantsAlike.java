package dev.planetary.query.compare;

import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.compare.ObjectDifference;
import dev.planetary.kernel.compare.ObjectDifference.Kind;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.privilege.FunctionPrivilegeSpec;
import dev.planetary.kernel.spec.privilege.PrivilegeAction;
import dev.planetary.kernel.spec.privilege.SchemaPrivilege;
import dev.planetary.kernel.spec.privilege.SchemaPrivilegeSpec;
import dev.planetary.kernel.spec.privilege.TablePrivilege;
import dev.planetary.kernel.spec.privilege.TablePrivilegeSpec;
import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.TypeName;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The grants and revokes that give an object on B the grants it has on A: on tables and views
 * (whole or by column), schemas and functions, role by role, with or without grant option. An
 * owner's own privileges are left alone (owners may differ, and ownership is not expressible yet),
 * and so is a privilege held on both sides with a different grant option (a revoke and a grant
 * proposed apart would not say which comes first); such a difference is only partly expressed.
 */
final class GrantsAlike {

    /** What a grant difference turns into, and whether that covers all of it. */
    record Grants(List<ChangeSpec> specs, boolean complete) {
    }

    /** One object's side: its privileges, its owner, and the function it is (null for others). */
    private record Side(List<Catalog.Privilege> privileges, String owner, Catalog.Function function) {
    }

    private final Map<String, Side> a;
    private final Map<String, Side> b;

    GrantsAlike(Catalog.Snapshot a, Catalog.Snapshot b) {
        this.a = sides(a);
        this.b = sides(b);
    }

    Grants of(ObjectDifference difference) {
        String key = key(difference.kind(), difference.name());
        Side wanted = a.get(key);
        Side present = b.get(key);
        if (wanted == null || present == null) {
            return new Grants(List.of(), false);
        }
        Set<String> owners = new HashSet<>(Arrays.asList(wanted.owner(), present.owner()));
        Map<String, Catalog.Privilege> onA = canonical(wanted.privileges(), owners);
        Map<String, Catalog.Privilege> onB = canonical(present.privileges(), owners);
        // An owner's own privileges are left alone: when they differ, the difference is only partly expressed.
        boolean complete = ownersOnly(wanted.privileges(), owners).equals(ownersOnly(present.privileges(), owners));
        List<Catalog.Privilege> grant = new ArrayList<>();
        List<Catalog.Privilege> revoke = new ArrayList<>();
        onA.forEach((text, privilege) -> {
            if (!onB.containsKey(text)) {
                grant.add(privilege);
            }
        });
        onB.forEach((text, privilege) -> {
            if (!onA.containsKey(text)) {
                revoke.add(privilege);
            }
        });
        Set<String> bothWays = new HashSet<>(grant.stream().map(GrantsAlike::withoutOption).toList());
        bothWays.retainAll(revoke.stream().map(GrantsAlike::withoutOption).toList());
        if (!bothWays.isEmpty()) {
            complete = false;
            grant.removeIf(p -> bothWays.contains(withoutOption(p)));
            revoke.removeIf(p -> bothWays.contains(withoutOption(p)));
        }
        List<ChangeSpec> specs = new ArrayList<>();
        complete &= specs(PrivilegeAction.REVOKE, revoke, difference.kind(), wanted.function(), specs);
        complete &= specs(PrivilegeAction.GRANT, grant, difference.kind(), wanted.function(), specs);
        return new Grants(specs, complete);
    }

    /** One spec per role, column and grant option; answers false when a privilege has no kind of change. */
    private static boolean specs(PrivilegeAction action, List<Catalog.Privilege> privileges, Kind kind, Catalog.Function function,
                                 List<ChangeSpec> specs) {
        Map<String, List<Catalog.Privilege>> groups = new TreeMap<>();
        privileges.forEach(p -> groups.computeIfAbsent(p.grantee() + "\u0000" + p.column() + "\u0000" + p.grantable(),
                g -> new ArrayList<>()).add(p));
        boolean all = true;
        for (List<Catalog.Privilege> group : groups.values()) {
            ChangeSpec spec = spec(action, group, kind, function);
            if (spec == null) {
                all = false;
            } else {
                specs.add(spec);
            }
        }
        return all;
    }

    private static ChangeSpec spec(PrivilegeAction action, List<Catalog.Privilege> group, Kind kind, Catalog.Function function) {
        Catalog.Privilege first = group.get(0);
        Grantee grantee = Grantee.of(first.grantee());
        boolean option = action == PrivilegeAction.GRANT && first.grantable();
        List<String> names = group.stream().map(Catalog.Privilege::privilege).toList();
        return switch (kind) {
            case TABLE, VIEW -> known(names, TablePrivilege.class) == null ? null : new TablePrivilegeSpec(action,
                    known(names, TablePrivilege.class), QualifiedName.of(first.schema(), first.object()),
                    first.column() == null ? null : List.of(Identifier.of(first.column())), grantee, option);
            case SCHEMA -> known(names, SchemaPrivilege.class) == null ? null : new SchemaPrivilegeSpec(action,
                    known(names, SchemaPrivilege.class), Identifier.of(first.object()), grantee, option);
            case FUNCTION -> names.equals(List.of("EXECUTE")) && function != null ? execute(action, function, grantee, option) : null;
            default -> null;
        };
    }

    private static ChangeSpec execute(PrivilegeAction action, Catalog.Function function, Grantee grantee, boolean option) {
        List<TypeName> types = function.arguments().stream()
                .filter(argument -> argument.mode() != Catalog.ArgumentMode.OUT && argument.mode() != Catalog.ArgumentMode.TABLE)
                .map(argument -> TypeName.of(argument.type())).toList();
        return new FunctionPrivilegeSpec(action, QualifiedName.of(function.schema(), function.name()), types, grantee, option);
    }

    private static <E extends Enum<E>> List<E> known(List<String> names, Class<E> type) {
        List<E> known = new ArrayList<>();
        for (String name : names) {
            E value = Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(name)).findFirst().orElse(null);
            if (value == null) {
                return null;
            }
            known.add(value);
        }
        return known;
    }

    private static Map<String, Catalog.Privilege> canonical(List<Catalog.Privilege> privileges, Set<String> owners) {
        Map<String, Catalog.Privilege> canonical = new HashMap<>();
        privileges.stream().filter(p -> !owners.contains(p.grantee())).forEach(p -> canonical.put(CanonicalCatalog.grant(p), p));
        return canonical;
    }

    private static Set<String> ownersOnly(List<Catalog.Privilege> privileges, Set<String> owners) {
        Set<String> held = new HashSet<>();
        privileges.stream().filter(p -> owners.contains(p.grantee())).forEach(p -> held.add(CanonicalCatalog.grant(p)));
        return held;
    }

    private static String withoutOption(Catalog.Privilege privilege) {
        return privilege.grantee() + "\u0000" + privilege.privilege() + "\u0000" + privilege.column();
    }

    private static String key(Kind kind, String name) {
        return kind + " " + name;
    }

    /** Each object's privileges and owner, keyed as the comparison names objects. */
    private static Map<String, Side> sides(Catalog.Snapshot snapshot) {
        Map<Long, String> schemas = new HashMap<>();
        Map<Long, String> relations = new HashMap<>();
        Map<Long, String> routines = new HashMap<>();
        Map<String, String> owners = new HashMap<>();
        Map<String, Catalog.Function> functions = new HashMap<>();
        snapshot.schemas().forEach(s -> owners.put(put(schemas, s.oid(), key(Kind.SCHEMA, Names.identifier(s.name()))), s.owner()));
        snapshot.tables().forEach(t -> owners.put(put(relations, t.oid(), key(Kind.TABLE, Names.qualified(t.schema(), t.name()))),
                t.owner()));
        snapshot.views().forEach(v -> owners.put(put(relations, v.oid(), key(Kind.VIEW, Names.qualified(v.schema(), v.name()))),
                v.owner()));
        snapshot.functions().forEach(f -> {
            owners.put(put(routines, f.oid(), key(Kind.FUNCTION, RoutineDefinitions.functionName(f))), f.owner());
            functions.put(routines.get(f.oid()), f);
        });
        Map<String, List<Catalog.Privilege>> privileges = new HashMap<>();
        for (Catalog.Privilege privilege : snapshot.privileges()) {
            String key = switch (privilege.objectType()) {
                case SCHEMA -> schemas.get(privilege.objectOid());
                case FUNCTION -> routines.get(privilege.objectOid());
                case SEQUENCE -> null;
                default -> relations.get(privilege.objectOid());
            };
            if (key != null) {
                privileges.computeIfAbsent(key, k -> new ArrayList<>()).add(privilege);
            }
        }
        Map<String, Side> sides = new HashMap<>();
        owners.forEach((key, owner) -> sides.put(key, new Side(privileges.getOrDefault(key, List.of()), owner, functions.get(key))));
        return sides;
    }

    private static String put(Map<Long, String> keys, long oid, String key) {
        keys.put(oid, key);
        return key;
    }
}
