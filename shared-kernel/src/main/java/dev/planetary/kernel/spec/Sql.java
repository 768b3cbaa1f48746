package dev.planetary.kernel.spec;

import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.Identifier;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Small joins shared by the renderers. Every name still goes through {@link Identifier#quoted()}. */
public final class Sql {

    private Sql() {
    }

    public static String identifiers(Collection<Identifier> names) {
        return names.stream().map(Identifier::quoted).collect(Collectors.joining(", "));
    }

    public static String grantees(Collection<Grantee> grantees) {
        return grantees.stream().map(Grantee::sql).collect(Collectors.joining(", "));
    }

    public static String names(Collection<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    public static <E extends Enum<E>> List<E> sorted(Collection<E> values) {
        return values.stream().distinct().sorted().toList();
    }
}
