package dev.planetary.kernel.change;

import java.util.Map;

/**
 * What the objects a plan changes looked like at its dry-run, for the drift guard at apply: the
 * state (a hash) of every catalog part that belongs to them, keyed {@code KIND "schema"."name"}
 * ({@code absent} for a part the plan creates), and the last entry of the target's apply ledger
 * the dry-run could see, so the apply knows which changes Planetary applied since.
 */
public record Baseline(long ledgerPosition, Map<String, String> parts) {

    public static final String ABSENT = "absent";

    public Baseline {
        parts = parts == null ? Map.of() : Map.copyOf(parts);
    }
}
