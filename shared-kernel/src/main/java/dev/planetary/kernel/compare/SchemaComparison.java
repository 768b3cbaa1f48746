package dev.planetary.kernel.compare;

import java.util.List;

/**
 * The result of comparing two targets: the objects that differ, ordered by kind and then name;
 * how many objects the two sides hold together (each object counted once); and how long the
 * comparison took, reading both catalogs included.
 */
public record SchemaComparison(List<ObjectDifference> differences, int comparedObjects, long millis) {

    public SchemaComparison {
        differences = List.copyOf(differences);
    }

    /** True when the two targets hold the same objects with the same definitions and grants. */
    public boolean identical() {
        return differences.isEmpty();
    }
}
