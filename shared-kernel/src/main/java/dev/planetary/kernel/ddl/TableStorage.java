package dev.planetary.kernel.ddl;

import dev.planetary.kernel.sql.QualifiedName;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code ALTER TABLE name SET (parameter = value, ...)} and {@code ALTER TABLE name RESET (parameter, ...)}; values already checked. */
public record TableStorage(QualifiedName table, Map<StorageParameter, String> set, List<StorageParameter> reset) {

    public TableStorage {
        set = Map.copyOf(set);
        reset = List.copyOf(reset);
    }

    /** One or two statements: the SET, then the RESET, each only when it has parameters (in the enum's order). */
    public List<String> sql() {
        List<String> statements = new java.util.ArrayList<>();
        if (!set.isEmpty()) {
            statements.add("ALTER TABLE " + table.quoted() + " SET (" + set.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey().sqlName() + " = " + e.getValue()).collect(Collectors.joining(", ")) + ")");
        }
        if (!reset.isEmpty()) {
            statements.add("ALTER TABLE " + table.quoted() + " RESET (" + reset.stream().sorted()
                    .map(StorageParameter::sqlName).collect(Collectors.joining(", ")) + ")");
        }
        return statements;
    }
}
