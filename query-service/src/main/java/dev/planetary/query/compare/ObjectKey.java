package dev.planetary.query.compare;

import dev.planetary.kernel.compare.ObjectDifference.Kind;

import java.util.Comparator;

/** What pairs an object on one target with its namesake on the other: its kind and quoted SQL name, never its oid. */
record ObjectKey(Kind kind, String name) implements Comparable<ObjectKey> {

    private static final Comparator<ObjectKey> ORDER = Comparator.comparing(ObjectKey::kind).thenComparing(ObjectKey::name);

    @Override
    public int compareTo(ObjectKey other) {
        return ORDER.compare(this, other);
    }
}
