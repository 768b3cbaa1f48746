package dev.planetary.kernel.spec.maintenance;

import dev.planetary.kernel.ddl.StorageParameter;
import dev.planetary.kernel.ddl.TableStorage;
import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.spec.StorageFacts;
import dev.planetary.kernel.sql.QualifiedName;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A table's storage parameters (fillfactor, per-table autovacuum settings, ...): those in {@code set} get
 * the values given (checked against each parameter's type and range), those in {@code reset} go back to
 * the server's defaults. {@code facts} are the parameters the table had at proposal, read by Planetary:
 * the inverse puts each back as it was.
 */
public record TableStorageSpec(QualifiedName table, Map<StorageParameter, String> set, List<StorageParameter> reset,
                               StorageFacts facts) implements ChangeSpec {

    public static final String KIND = "table-storage";

    public TableStorageSpec {
        SpecViolation.required("table", table);
        Map<StorageParameter, String> checked = new LinkedHashMap<>();
        if (set != null) {
            for (Map.Entry<StorageParameter, String> entry : set.entrySet()) {
                SpecViolation.required("set", entry.getKey());
                try {
                    checked.put(entry.getKey(), entry.getKey().valid(entry.getValue()));
                } catch (IllegalArgumentException e) {
                    throw new SpecViolation("set", e.getMessage());
                }
            }
        }
        set = Map.copyOf(checked);
        reset = SpecViolation.noNulls("reset", reset == null ? List.of() : reset);
        if (new LinkedHashSet<>(reset).size() != reset.size() || reset.stream().anyMatch(set::containsKey)) {
            throw new SpecViolation("reset", "a parameter is named twice");
        }
        if (set.isEmpty() && reset.isEmpty()) {
            throw new SpecViolation("set", "set or reset at least one parameter");
        }
    }

    public TableStorageSpec withFacts(StorageFacts facts) {
        return new TableStorageSpec(table, set, reset, SpecViolation.required("facts", facts));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Plan plan() {
        List<String> what = new ArrayList<>();
        set.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> what.add(e.getKey().sqlName() + " = " + e.getValue()));
        reset.stream().sorted().forEach(p -> what.add(p.sqlName() + " back to the default"));
        PlanBuilder plan = PlanBuilder.summarised("Storage of " + table.display() + ": " + String.join(", ", what))
                .touches(ObjectRef.table(table))
                .changes(CatalogEffect.relation(table));
        new TableStorage(table, set, reset).sql().forEach(plan::statement);
        if (facts == null) {
            plan.inverseNote("the inverse needs the parameters the table had; Planetary reads them when the change is proposed");
        } else {
            inverse(facts).sql().forEach(plan::inverse);
        }
        if (set.containsKey(StorageParameter.FILLFACTOR)) {
            plan.finding(LintFinding.info("fillfactor-later", "a new fillfactor applies to pages written from now on;"
                    + " VACUUM FULL or a rewrite packs existing pages to it"));
        }
        if ("false".equals(set.get(StorageParameter.AUTOVACUUM_ENABLED))) {
            plan.highRisk("turns autovacuum off for the table: dead rows pile up and its transaction IDs age towards wraparound"
                    + " unless something else vacuums it");
        }
        return plan.build();
    }

    /** What puts the table's parameters back: the old value where there was one, the default where there was none. */
    private TableStorage inverse(StorageFacts before) {
        Map<StorageParameter, String> back = new LinkedHashMap<>();
        List<StorageParameter> toDefault = new ArrayList<>();
        for (StorageParameter changed : changedParameters()) {
            String old = before.options().get(changed);
            if (old != null) {
                back.put(changed, old);
            } else if (set.containsKey(changed)) {
                toDefault.add(changed);
            }
        }
        return new TableStorage(table, back, toDefault);
    }

    private List<StorageParameter> changedParameters() {
        List<StorageParameter> changed = new ArrayList<>(set.keySet());
        changed.addAll(reset);
        return changed;
    }
}
