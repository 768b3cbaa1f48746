package dev.planetary.kernel.health;

import dev.planetary.kernel.sql.QualifiedName;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a statement's text names one of some objects: {@code orders}, {@code shop.orders},
 * {@code "shop"."orders"} or {@code SHOP.Orders} (unquoted names fold to lower case) all name
 * shop.orders; {@code orders_archive} and {@code x.orders} (another schema) do not. By name only:
 * an unqualified name may be another schema's object of the same name, which the search path decides.
 */
public final class ObjectMentions {

    private ObjectMentions() {
    }

    public static boolean mentions(String query, List<QualifiedName> objects) {
        return objects.stream().anyMatch(object -> pattern(object).matcher(query).find());
    }

    private static Pattern pattern(QualifiedName object) {
        String schema = name(object.schema().name());
        String name = name(object.name().name());
        // not preceded by a name character or a dot unless that dot follows this object's schema
        return Pattern.compile("(?:(?<![\\w$.\"])" + schema + "\\s*\\.\\s*|(?<![\\w$.\"]))" + name + "(?![\\w$\"])");
    }

    /** The name quoted, or bare and matched without case when PostgreSQL would fold it to itself. */
    private static String name(String name) {
        String quoted = "\"" + Pattern.quote(name.replace("\"", "\"\"")) + "\"";
        boolean foldable = name.equals(name.toLowerCase(Locale.ROOT)) && name.matches("[a-z_][a-z0-9_$]*");
        return foldable ? "(?:" + quoted + "|(?i:" + Pattern.quote(name) + "))" : quoted;
    }
}
