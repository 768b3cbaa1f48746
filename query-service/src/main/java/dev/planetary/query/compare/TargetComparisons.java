package dev.planetary.query.compare;

import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.compare.CompareMessages.CompareTargetsQuery;
import dev.planetary.kernel.compare.CompareMessages.TargetComparison;
import dev.planetary.kernel.compare.SchemaComparison;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.query.catalog.Introspector;
import dev.planetary.query.catalog.Introspectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Compares two targets by name, from one catalog snapshot each read side by side, and adds the
 * changes that would make the second like the first ({@link MakeAlike}).
 */
@Component
public class TargetComparisons {

    private final Introspectors introspectors;
    private final Clock clock;

    public TargetComparisons(Introspectors introspectors, Clock clock) {
        this.introspectors = introspectors;
        this.clock = clock;
    }

    @QueryHandler
    public TargetComparison compare(CompareTargetsQuery query) {
        return compare(query.like(), query.target());
    }

    public TargetComparison compare(TargetId like, TargetId target) {
        Introspector a = introspectors.of(like);
        Introspector b = introspectors.of(target);
        long start = clock.millis();
        CompletableFuture<Catalog.Snapshot> left = CompletableFuture.supplyAsync(a::snapshot);
        Catalog.Snapshot right;
        Catalog.Snapshot reference;
        try {
            right = b.snapshot();
            reference = left.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
        TargetComparison compared = compare(like, target, reference, right, new SchemaComparer(a, b, clock));
        SchemaComparison timed = new SchemaComparison(compared.comparison().differences(),
                compared.comparison().comparedObjects(), clock.millis() - start);
        return new TargetComparison(like, target, timed, compared.proposals(), compared.notExpressible());
    }

    /** Two snapshots already read, compared, with the changes that would make the second like the first. */
    public static TargetComparison compare(TargetId like, TargetId target, Catalog.Snapshot reference, Catalog.Snapshot right,
                                           SchemaComparer comparer) {
        SchemaComparison compared = comparer.compare(reference, right);
        MakeAlike.Suggestions suggestions = new MakeAlike(reference, right).suggest(compared.differences());
        return new TargetComparison(like, target, compared, suggestions.proposals(), suggestions.notExpressible());
    }
}
