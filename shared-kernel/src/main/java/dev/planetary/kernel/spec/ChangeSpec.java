package dev.planetary.kernel.spec;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import dev.planetary.kernel.plan.Plan;

/**
 * A typed description of one change to the database layer. Each kind is an immutable record that
 * validates itself on construction and renders to a {@link Plan} in exactly one place.
 * The JSON form carries the kind in a {@code kind} property. Every kind is declared once, in
 * {@link ChangeKinds}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, property = "kind")
@JsonTypeIdResolver(KindIdResolver.class)
public interface ChangeSpec {

    /** The stable name of this kind, as in the JSON {@code kind} property. */
    String kind();

    /** Renders the spec: statements, inverse, touched objects, risk and lint findings. */
    Plan plan();
}
