package dev.planetary.command.target;

import dev.planetary.kernel.change.Baseline;
import dev.planetary.kernel.change.DriftVerdict;
import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.plan.Plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The drift guard: what the objects a plan changes look like at its dry-run ({@link Baseline}),
 * and, at apply, whether they still do. An object "belongs" to a plan when the plan declares a
 * change to one of its parts: a policy change watches its table (definition, privileges, row
 * security, policies, triggers, indexes), a GRANT on a function watches the function. Differences
 * that changes Planetary applied since explain (the apply ledger lists what each changed) let the
 * apply go on, under the catalog guard; any other difference stops it as drift.
 */
final class DriftGuard {

    private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"]|\"\")*\"");

    private DriftGuard() {
    }

    /** The baseline of {@code plan}, read from the catalog before it ran. */
    static Baseline baseline(Plan plan, CatalogGuard.Snapshot before, long ledgerPosition) {
        Map<String, String> parts = new TreeMap<>();
        Set<CatalogEffect> owners = owners(plan, before);
        for (CatalogEffect effect : plan.effects()) {
            parts.put(key(effect), state(before, effect));
        }
        for (CatalogEffect owner : owners) {
            parts.put(key(owner), state(before, owner));
        }
        before.forEach((part, owner, state) -> {
            if (owners.contains(part) || owners.contains(owner)) {
                parts.put(key(part), hash(state));
            }
        });
        return new Baseline(ledgerPosition, parts);
    }

    /** Compares the catalog now with the baseline; {@code appliedSince} are the ledger's rows after it. */
    static DriftVerdict verdict(Baseline baseline, CatalogGuard.Snapshot now, List<Ledger.LedgerEntry> appliedSince) {
        Set<String> watchedOwners = baseline.parts().keySet();
        Map<String, String> current = new TreeMap<>();
        now.forEach((part, owner, state) -> {
            String key = key(part);
            if (baseline.parts().containsKey(key) || watchedOwners.contains(key(owner))) {
                current.put(key, hash(state));
            }
        });
        Set<String> keys = new TreeSet<>(baseline.parts().keySet());
        keys.addAll(current.keySet());
        Set<String> explained = new LinkedHashSet<>();
        List<String> differences = new ArrayList<>();
        boolean unexplained = false;
        for (String key : keys) {
            String was = baseline.parts().getOrDefault(key, Baseline.ABSENT);
            String is = current.getOrDefault(key, Baseline.ABSENT);
            if (was.equals(is)) {
                continue;
            }
            differences.add(display(key) + ": " + was + " → " + is);
            List<String> by = appliedSince.stream().filter(entry -> entry.changed(key, ownerKey(key, now))).map(Ledger.LedgerEntry::changeId).toList();
            if (by.isEmpty()) {
                unexplained = true;
            }
            explained.addAll(by);
        }
        if (differences.isEmpty()) {
            return DriftVerdict.NONE;
        }
        return new DriftVerdict(unexplained ? DriftVerdict.Kind.DRIFTED : DriftVerdict.Kind.REBASED, differences,
                List.copyOf(explained));
    }

    /** What the apply ledger records that a plan changed: its declared parts and the objects they belong to. */
    static String[] ledgerKeys(Plan plan, CatalogGuard.Snapshot after) {
        Set<String> keys = new TreeSet<>();
        for (CatalogEffect effect : plan.effects()) {
            keys.add(key(effect));
        }
        for (CatalogEffect owner : owners(plan, after)) {
            keys.add(key(owner));
        }
        return keys.toArray(String[]::new);
    }

    private static Set<CatalogEffect> owners(Plan plan, CatalogGuard.Snapshot snapshot) {
        Set<CatalogEffect> owners = new LinkedHashSet<>();
        for (CatalogEffect effect : plan.effects()) {
            owners.add(snapshot.ownerOf(effect).orElseGet(() -> ownerByName(effect)));
        }
        return owners;
    }

    /** The owner of a part the catalog does not have (yet): the table of a policy or trigger, the object of privileges. */
    static CatalogEffect ownerByName(CatalogEffect part) {
        return switch (part.kind()) {
            case POLICY, TRIGGER -> new CatalogEffect(CatalogEffect.Kind.RELATION, firstTwo(part.object()));
            case RELATION_PRIVILEGES, ROW_SECURITY -> new CatalogEffect(CatalogEffect.Kind.RELATION, part.object());
            case FUNCTION_PRIVILEGES -> new CatalogEffect(CatalogEffect.Kind.FUNCTION, part.object());
            case SCHEMA_PRIVILEGES -> new CatalogEffect(CatalogEffect.Kind.SCHEMA, part.object());
            case MEMBERSHIP -> new CatalogEffect(CatalogEffect.Kind.ROLE, part.object());
            default -> part;
        };
    }

    private static String ownerKey(String key, CatalogGuard.Snapshot now) {
        CatalogEffect part = fromKey(key);
        return key(now.ownerOf(part).orElseGet(() -> ownerByName(part)));
    }

    private static String firstTwo(String quoted) {
        Matcher names = QUOTED.matcher(quoted);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 2 && names.find(); i++) {
            out.append(i == 0 ? "" : ".").append(names.group());
        }
        return out.toString();
    }

    static String key(CatalogEffect part) {
        return part.kind().name() + " " + part.object();
    }

    private static CatalogEffect fromKey(String key) {
        int space = key.indexOf(' ');
        return new CatalogEffect(CatalogEffect.Kind.valueOf(key.substring(0, space)), key.substring(space + 1));
    }

    private static String display(String key) {
        return fromKey(key).display();
    }

    private static String state(CatalogGuard.Snapshot snapshot, CatalogEffect part) {
        return snapshot.stateOf(part).map(DriftGuard::hash).orElse(Baseline.ABSENT);
    }

    /** States can be long (ACLs, definitions): a short hash is enough to tell them apart. */
    private static String hash(String state) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
