package dev.planetary.kernel.spec.drift;

import dev.planetary.kernel.ddl.Drop;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.spec.SpecViolation;

import dev.planetary.kernel.plan.CatalogEffect;
import dev.planetary.kernel.plan.LintFinding;
import dev.planetary.kernel.plan.ObjectRef;
import dev.planetary.kernel.plan.Plan;
import dev.planetary.kernel.plan.PlanBuilder;

import dev.planetary.kernel.sql.Identifier;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/**
 * Reverts drift that created an object: proposes dropping it. {@code identity} is the object as
 * PostgreSQL's event trigger named it (schema-qualified, quoted where needed); only that shape is
 * accepted, so it can be rendered as written.
 */
public record RevertDriftSpec(String driftId, DriftObject objectType, String identity) implements ChangeSpec {

    public static final String KIND = "revert-drift";

    /** Objects whose creation can be reverted by dropping them. */
    public enum DriftObject {
        TABLE, VIEW, MATERIALIZED_VIEW, INDEX, SEQUENCE, SCHEMA, TYPE;

        Drop.Kind drop() {
            return Drop.Kind.valueOf(name());
        }
    }

    private static final String PART = "(?:[a-z_][a-z0-9_$]*|\"(?:[^\"]|\"\")+\")";
    private static final Pattern IDENTITY = Pattern.compile(PART + "(?:\\." + PART + ")?");

    public RevertDriftSpec {
        if (driftId == null || !AdoptDriftSpec.DRIFT_ID.matcher(driftId).matches()) {
            throw new SpecViolation("driftId", "the drift to revert, as the timeline names it (drift-123)");
        }
        SpecViolation.required("objectType", objectType);
        if (identity == null || !IDENTITY.matcher(identity).matches() || identity.indexOf('\0') >= 0) {
            throw new SpecViolation("identity", "the created object as PostgreSQL names it, such as app.by_hand");
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Plan plan() {
        String object = quotedName();
        return PlanBuilder.summarised("Revert " + driftId + ": drop the " + objectType.drop().words() + " "
                        + identity + " created outside Planetary")
                .touches(new ObjectRef(ObjectRef.ObjectKind.TABLE, identity.replace("\"", "")))
                .statement(new Drop(objectType.drop(), object, false).sql())
                .changes(dropped(object))
                // a table takes its indexes, owned sequences and row type along
                .dropsDependents()
                .noInverse("the object's definition is not part of this change")
                .highRisk("drops " + identity + ", which may already be in use")
                .finding(LintFinding.warning("revert-drift", "no CASCADE: if anything depends on " + identity
                        + " the dry-run says so, and nothing is dropped"))
                .build();
    }

    /**
     * The identity read back into names (PostgreSQL writes a part unquoted only when it needs no
     * quotes), each quoted again in the one place names are: what runs is built, not copied.
     */
    private String quotedName() {
        List<Identifier> parts = new ArrayList<>();
        Matcher part = Pattern.compile(PART).matcher(identity);
        while (part.find()) {
            String text = part.group();
            parts.add(Identifier.of(text.startsWith("\"") ? text.substring(1, text.length() - 1).replace("\"\"", "\"") : text));
        }
        return parts.stream().map(Identifier::quoted).collect(Collectors.joining("."));
    }

    /** The dropped object as the catalog comparison names it: every part quoted. */
    private CatalogEffect dropped(String object) {
        return new CatalogEffect(switch (objectType) {
            case SCHEMA -> CatalogEffect.Kind.SCHEMA;
            case TYPE -> CatalogEffect.Kind.TYPE;
            default -> CatalogEffect.Kind.RELATION;
        }, object);
    }
}
