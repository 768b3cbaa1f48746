package dev.planetary.kernel.compare;

import dev.planetary.kernel.identity.ActsFor;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.identity.RequiresRight;
import dev.planetary.kernel.spec.ChangeSpec;
import dev.planetary.kernel.target.TargetId;

import java.util.List;

/** Comparing two targets, and proposing what makes the second like the first. */
public final class CompareMessages {

    private CompareMessages() {
    }

    /** Answered with a {@link TargetComparison}: what differs between {@code like} (A) and {@code target} (B). */
    @RequiresRight
    public record CompareTargetsQuery(TargetId like, TargetId target) {
    }

    /**
     * What differs, and for each difference a kind of change exists for, the change that makes B like
     * A ({@code proposals}); the rest are listed as not yet expressible.
     */
    public record TargetComparison(TargetId like, TargetId target, SchemaComparison comparison, List<Proposal> proposals,
                                   List<ObjectDifference> notExpressible) {
    }

    /** A change on B for one differing object of A (an object may need several, e.g. a grant per role). */
    public record Proposal(ObjectDifference.Kind kind, String object, ChangeSpec spec) {

        /**
         * Whether {@code chosen} names this proposal's object: as {@code "<kind> <name>"} ({@code role "app"}),
         * or by its name alone, which then means every kind of object so named (a schema and a role may share one).
         */
        public boolean chosenBy(String chosen) {
            return chosen.equals(object) || chosen.equals(ObjectDifference.qualifiedName(kind, object));
        }
    }

    /**
     * Propose, on {@code target}, the changes that make the named {@code objects} (as the comparison names
     * them, best with their kind: {@code policy "p" ON "app"."t"}) like they are on {@code like};
     * answered with the new changes' ids.
     */
    @RequiresRight(PlanetaryRight.REQUESTER)
    public record ProposeAlikeCommand(TargetId like, TargetId target, List<String> objects, @ActsFor String requester) {

        public ProposeAlikeCommand {
            objects = objects == null ? List.of() : List.copyOf(objects);
        }
    }
}
