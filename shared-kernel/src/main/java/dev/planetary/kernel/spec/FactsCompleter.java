package dev.planetary.kernel.spec;

/**
 * Fills in what a kind reads from the world at proposal, replacing whatever a client sent:
 * a protection gets its table's facts, an unprotect the protection it undoes.
 */
@FunctionalInterface
public interface FactsCompleter<S extends ChangeSpec> {

    S complete(S spec, ProposalFacts facts);

    /** For kinds that are complete as written. */
    static <S extends ChangeSpec> FactsCompleter<S> none() {
        return (spec, facts) -> spec;
    }
}
