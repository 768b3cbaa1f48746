package dev.planetary.query.compare;

import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.SqlLiteral;

/**
 * Names and text constants as they appear in canonical definitions. Names are quoted by
 * {@link Identifier}; the one name it refuses that PostgreSQL allows, one holding a bidirectional
 * control, is written as a Unicode-escaped identifier ({@code U&"a\202Eb"}): a comparison must not
 * fail on a hostile catalog, and the control must be visible, not applied, where people read it.
 */
final class Names {

    private Names() {
    }

    static String identifier(String name) {
        try {
            return Identifier.of(name).quoted();
        } catch (IllegalArgumentException refused) {
            return unicodeEscaped(name);
        }
    }

    static String qualified(String schema, String name) {
        return identifier(schema) + "." + identifier(name);
    }

    /** A role, or PUBLIC: the catalog queries spell the pseudo-role grantee 0 as "PUBLIC". */
    static String grantee(String role) {
        return "PUBLIC".equals(role) ? "PUBLIC" : identifier(role);
    }

    static String literal(String text) {
        return SqlLiteral.string(text);
    }

    private static String unicodeEscaped(String name) {
        StringBuilder out = new StringBuilder("U&\"");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\\') {
                out.append("\\\\");
            } else if (c == '"') {
                out.append("\"\"");
            } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                out.append(String.format("\\%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
