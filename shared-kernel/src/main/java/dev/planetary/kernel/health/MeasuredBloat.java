package dev.planetary.kernel.health;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One relation measured by pgstattuple (contrib) rather than estimated: for a table
 * {@code pgstattuple_approx} (it reads the pages the visibility map does not vouch for), for a btree
 * index {@code pgstatindex} (it reads every page). Shares are of the relation's size; {@code leafDensity}
 * is the average fullness of an index's leaf pages (null for a table). {@code problem} says why it could
 * not be measured (pgstattuple missing, a lock held), else null.
 */
public record MeasuredBloat(String relation, String method, long bytes, Double livePercent, Double deadPercent,
                            Double freePercent, Double leafDensity, String problem) {

    public static MeasuredBloat unavailable(String relation, String problem) {
        return new MeasuredBloat(relation, null, 0, null, null, null, null, problem);
    }

    /** What is not live data: dead rows and free space for a table, the empty part of the leaves for an index. */
    @JsonProperty
    public Double wastedPercent() {
        if (leafDensity != null) {
            return 100 - leafDensity;
        }
        return deadPercent == null || freePercent == null ? null : deadPercent + freePercent;
    }
}
