package dev.planetary.query.catalog;

import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.catalog.CatalogScope;
import dev.planetary.kernel.policy.ClaimUse;
import dev.planetary.kernel.policy.PolicyTemplateMessages.FindClaimUsesQuery;
import dev.planetary.kernel.target.TargetId;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Every claim (custom setting or JWT claim) a row policy reads, and where. */
@Component
public class ClaimsReader {

    private final Introspectors introspectors;

    public ClaimsReader(Introspectors introspectors) {
        this.introspectors = introspectors;
    }

    @QueryHandler
    public List<ClaimUse> claims(FindClaimUsesQuery query) {
        return claims(query.target());
    }

    public List<ClaimUse> claims(TargetId target) {
        return introspectors.of(target).routines().policies(CatalogScope.ALL).stream()
                .flatMap(ClaimsReader::uses)
                .sorted(Comparator.comparing((ClaimUse u) -> u.claim().source())
                        .thenComparing(u -> u.claim().name())
                        .thenComparing(ClaimUse::schema).thenComparing(ClaimUse::table).thenComparing(ClaimUse::policy))
                .toList();
    }

    private static Stream<ClaimUse> uses(Catalog.Policy policy) {
        String expressions = (policy.using() == null ? "" : policy.using()) + " "
                + (policy.withCheck() == null ? "" : policy.withCheck());
        return ClaimUse.in(expressions).stream()
                .map(claim -> new ClaimUse(claim, policy.schema(), policy.table(), policy.name()));
    }
}
