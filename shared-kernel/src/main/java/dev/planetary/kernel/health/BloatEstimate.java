package dev.planetary.kernel.health;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * How much of a table or btree index is probably not live data, estimated from the planner's statistics
 * (never from rows): its pages against the pages its rows would need at its fillfactor. {@code expectedBytes}
 * and the figures derived from it are null where the estimate cannot be made (no statistics);
 * {@code blindSpots} names what the method does not see for this relation.
 */
public record BloatEstimate(Kind kind, long oid, String schema, String name, String table, long bytes, Long expectedBytes,
                            List<String> blindSpots) {

    public enum Kind { TABLE, INDEX }

    public static final String NO_STATISTICS = "no statistics: never analyzed, so nothing to estimate from";
    public static final String TOAST = "TOAST: values stored out of line are not in the estimate";
    public static final String ALIGNMENT = "alignment: padding between columns is not counted, so bloat is overestimated a little";

    public BloatEstimate {
        blindSpots = List.copyOf(blindSpots);
    }

    /** The bytes beyond what the live rows need, or null without an estimate. */
    @JsonProperty
    public Long bloatBytes() {
        return expectedBytes == null ? null : Math.max(0, bytes - expectedBytes);
    }

    /** The share of the relation that is bloat, or null without an estimate or pages. */
    @JsonProperty
    public Double bloatPercent() {
        Long bloat = bloatBytes();
        return bloat == null || bytes == 0 ? null : 100.0 * bloat / bytes;
    }

    @JsonProperty
    public String qualifiedName() {
        return schema + "." + name;
    }
}
