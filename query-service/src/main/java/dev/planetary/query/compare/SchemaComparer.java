package dev.planetary.query.compare;

import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.compare.ObjectDifference;
import dev.planetary.kernel.compare.ObjectDifference.Status;
import dev.planetary.kernel.compare.SchemaComparison;
import dev.planetary.query.catalog.Introspector;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Compares two targets, A (left, the reference) and B (right): the objects B lacks, the ones it has
 * in excess, and the ones whose definition or grants differ. Objects are paired by kind and name,
 * never by oid (two databases number their objects independently). Each side is read as one
 * consistent catalog snapshot ({@link Introspector#snapshot()}); the two sides are read at the same
 * time, since they are usually two servers. Equality is decided on SHA-256 of the canonical texts;
 * only the objects whose hashes differ become difference rows.
 */
public class SchemaComparer {

    private final Introspector left;
    private final Introspector right;
    private final Clock clock;

    public SchemaComparer(Introspector left, Introspector right) {
        this(left, right, Clock.systemUTC());
    }

    public SchemaComparer(Introspector left, Introspector right, Clock clock) {
        this.left = Objects.requireNonNull(left, "left");
        this.right = Objects.requireNonNull(right, "right");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Reads both catalogs and compares them; {@code millis} covers the reading too. */
    public SchemaComparison compare() {
        return compare(() -> CanonicalCatalog.of(left.snapshot()), () -> CanonicalCatalog.of(right.snapshot()));
    }

    /** Compares two snapshots already read (of the two targets, or of one target at two moments). */
    public SchemaComparison compare(Catalog.Snapshot leftSnapshot, Catalog.Snapshot rightSnapshot) {
        return compare(() -> CanonicalCatalog.of(leftSnapshot), () -> CanonicalCatalog.of(rightSnapshot));
    }

    /**
     * Each side is read and put in canonical form at the same time as the other, the left on a
     * thread of its own (not the common pool, which {@link Introspector#snapshot()} itself uses
     * and which has one thread on two cores); a snapshot is dropped once in canonical form.
     */
    private SchemaComparison compare(Supplier<Map<ObjectKey, CanonicalObject>> leftSide,
                                     Supplier<Map<ObjectKey, CanonicalObject>> rightSide) {
        long start = clock.millis();
        ExecutorService leftWorker = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "compare-left"));
        try {
            CompletableFuture<Map<ObjectKey, CanonicalObject>> a = CompletableFuture.supplyAsync(leftSide, leftWorker);
            Map<ObjectKey, CanonicalObject> b = rightSide.get();
            return differences(a.join(), b, start);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        } finally {
            leftWorker.shutdown();
        }
    }

    private SchemaComparison differences(Map<ObjectKey, CanonicalObject> a, Map<ObjectKey, CanonicalObject> b, long start) {
        List<ObjectDifference> differences = new ArrayList<>();
        int compared = a.size();
        for (CanonicalObject x : a.values()) {
            CanonicalObject y = b.get(x.key());
            Status status = y == null ? Status.MISSING_ON_RIGHT : status(x, y);
            if (status != null) {
                differences.add(difference(x, y, status));
            }
        }
        for (CanonicalObject y : b.values()) {
            if (!a.containsKey(y.key())) {
                compared++;
                differences.add(difference(null, y, Status.EXTRA_ON_RIGHT));
            }
        }
        differences.sort((d, e) -> new ObjectKey(d.kind(), d.name()).compareTo(new ObjectKey(e.kind(), e.name())));
        return new SchemaComparison(differences, compared, clock.millis() - start);
    }

    /** Null when the two are the same object. */
    private static Status status(CanonicalObject x, CanonicalObject y) {
        boolean sameDefinition = x.definitionHash().equals(y.definitionHash());
        boolean sameGrants = x.grantsHash().equals(y.grantsHash());
        if (sameDefinition) {
            return sameGrants ? null : Status.DIFFERENT_PRIVILEGES;
        }
        return sameGrants ? Status.DIFFERENT_DEFINITION : Status.DIFFERENT_BOTH;
    }

    private static ObjectDifference difference(CanonicalObject x, CanonicalObject y, Status status) {
        ObjectKey key = x != null ? x.key() : y.key();
        return new ObjectDifference(key.kind(), key.name(), status, x == null ? null : x.definition(),
                y == null ? null : y.definition(), x == null ? List.of() : x.grants(), y == null ? List.of() : y.grants());
    }
}
