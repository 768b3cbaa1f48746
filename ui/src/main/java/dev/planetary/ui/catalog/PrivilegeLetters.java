package dev.planetary.ui.catalog;

import dev.planetary.kernel.catalog.Catalog;

import java.util.Collection;
import java.util.Map;

/** Privileges written as psql's \dp does (r select, a insert, w update, d delete, D truncate, x references, t trigger; * = grant option). */
final class PrivilegeLetters {

    private static final Map<String, String> LETTERS = Map.ofEntries(Map.entry("SELECT", "r"), Map.entry("INSERT", "a"),
            Map.entry("UPDATE", "w"), Map.entry("DELETE", "d"), Map.entry("TRUNCATE", "D"), Map.entry("REFERENCES", "x"),
            Map.entry("TRIGGER", "t"), Map.entry("USAGE", "U"), Map.entry("CREATE", "C"), Map.entry("EXECUTE", "X"));
    private static final String ORDER = "rawdDxtUCX";

    private PrivilegeLetters() {
    }

    static String of(Collection<Catalog.Privilege> privileges) {
        StringBuilder letters = new StringBuilder();
        boolean columnGrants = false;
        for (char letter : ORDER.toCharArray()) {
            for (Catalog.Privilege privilege : privileges) {
                if (String.valueOf(letter).equals(LETTERS.get(privilege.privilege()))) {
                    if (privilege.column() != null) {
                        columnGrants = true;
                        continue;
                    }
                    letters.append(letter).append(privilege.grantable() ? "*" : "");
                    break;
                }
            }
        }
        return letters + (columnGrants ? " +cols" : "");
    }
}
