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
        SchemaComparison compared = new SchemaComparer(a, b, clock).compare(reference, right);
        MakeAlike.Suggestions suggestions = new MakeAlike(reference, right).suggest(compared.differences());
        SchemaComparison timed = new SchemaComparison(compared.differences(), compared.comparedObjects(), clock.millis() - start);
        return new TargetComparison(like, target, timed, suggestions.proposals(), suggestions.notExpressible());
    }
}
