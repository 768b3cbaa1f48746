package dev.planetary.kernel.health;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * One index as the catalog and the statistics collector see it: its definition (method, key columns or
 * expressions, INCLUDE columns, predicate), its size from the planner's page count, how often it was
 * scanned and how many entries those scans read and fetched, whether it is valid and ready, and the
 * constraint it backs (primary key, unique, exclusion), if any. {@code keySignature} identifies the keys
 * with their operator classes and collations, so two indexes compare by what they can answer.
 */
public record IndexUsage(long oid, String schema, String table, String name, String method, List<String> keys,
                         List<String> include, String predicate, boolean unique, boolean valid, boolean ready,
                         String constraint, long bytes, long scans, long tuplesRead, long tuplesFetched,
                         List<String> keySignature) {

    public IndexUsage {
        keys = List.copyOf(keys);
        include = List.copyOf(include);
        keySignature = List.copyOf(keySignature);
    }

    public String qualifiedName() {
        return schema + "." + name;
    }

    public String qualifiedTable() {
        return schema + "." + table;
    }

    /** What it indexes, as CREATE INDEX would say it after the table: "USING btree (a, lower(b)) INCLUDE (c) WHERE ...". */
    @JsonProperty
    public String definition() {
        return "USING " + method + " (" + String.join(", ", keys) + ")"
                + (include.isEmpty() ? "" : " INCLUDE (" + String.join(", ", include) + ")")
                + (predicate == null ? "" : " WHERE " + predicate);
    }

    /** Whether dropping it would take a guarantee with it (a constraint, or uniqueness). */
    public boolean enforcesSomething() {
        return constraint != null || unique;
    }
}
