package dev.planetary.query.catalog;

import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.catalog.CatalogScope;
import dev.planetary.kernel.catalog.FindFingerprintsQuery;
import dev.planetary.kernel.catalog.ObjectFingerprints;
import dev.planetary.kernel.plan.ObjectRef;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Catalog answers for the command side, over the query bus. */
@Component
public class CatalogQueryHandlers {

    private final Introspectors introspectors;

    public CatalogQueryHandlers(Introspectors introspectors) {
        this.introspectors = introspectors;
    }

    /**
     * Policies and triggers are part of their table's fingerprint; roles hash their attributes and
     * memberships; schemas their definition and privileges; functions every overload.
     */
    @QueryHandler
    public ObjectFingerprints fingerprints(FindFingerprintsQuery query) {
        Map<String, String> result = new TreeMap<>();
        for (ObjectRef object : query.objects()) {
            fingerprint(introspectors.of(query.target()), object).ifPresent(hash -> result.put(object.kind() + ":" + object.name(), hash));
        }
        return new ObjectFingerprints(result);
    }

    private static Optional<String> fingerprint(Introspector introspector, ObjectRef object) {
        String[] parts = object.name().split("\\.", 3);
        return switch (object.kind()) {
            case TABLE, POLICY, TRIGGER -> parts.length < 2 ? Optional.empty()
                    : introspector.table(parts[0], parts[1]).map(Catalog.TableDetail::fingerprint);
            case ROLE -> introspector.access().roles().stream().filter(r -> r.name().equals(object.name())).findFirst()
                    .map(role -> Fingerprints.of(java.util.List.of(role, introspector.access().memberships().stream()
                            .filter(m -> m.member().equals(role.name()) || m.role().equals(role.name())).toList())));
            case SCHEMA -> introspector.relations().schemas(CatalogScope.schema(object.name())).stream().findFirst()
                    .map(schema -> Fingerprints.of(java.util.List.of(schema, introspector.access()
                            .privileges(CatalogScope.schema(object.name())).stream()
                            .filter(p -> p.objectType() == Catalog.PrivilegeObject.SCHEMA).toList())));
            case INDEX -> parts.length < 2 ? Optional.empty() : introspector.relations().indexes(CatalogScope.schema(parts[0]))
                    .stream().filter(index -> index.name().equals(parts[1])).findFirst().map(index -> Fingerprints.of(List.of(index)));
            case FUNCTION -> parts.length < 2 ? Optional.empty() : Optional.of(introspector.routines()
                    .functions(CatalogScope.schema(parts[0])).stream().filter(f -> f.name().equals(parts[1])).toList())
                    .filter(list -> !list.isEmpty()).map(Fingerprints::of);
        };
    }
}
