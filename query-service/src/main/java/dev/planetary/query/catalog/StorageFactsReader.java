package dev.planetary.query.catalog;

import dev.planetary.kernel.catalog.FindStorageFactsQuery;
import dev.planetary.kernel.ddl.StorageParameter;
import dev.planetary.kernel.spec.StorageFacts;
import dev.planetary.query.target.MetadataTargets;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A table's storage parameters (pg_class.reloptions), read when a change to them is proposed so its
 * inverse can put them back: only those Planetary knows ({@link StorageParameter}); the others stay as they are.
 */
@Component
public class StorageFactsReader {

    private final MetadataTargets targets;

    public StorageFactsReader(MetadataTargets targets) {
        this.targets = targets;
    }

    @QueryHandler
    public Optional<StorageFacts> facts(FindStorageFactsQuery query) {
        return targets.database(query.target()).jdbc().sql("""
                        SELECT COALESCE(c.reloptions, '{}') AS options FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = :schema AND c.relname = :name AND c.relkind IN ('r', 'p', 'm')""")
                .param("schema", query.table().schema().name()).param("name", query.table().name().name())
                .query((rs, row) -> {
                    Map<StorageParameter, String> options = new LinkedHashMap<>();
                    for (Object option : (Object[]) rs.getArray("options").getArray()) {
                        String[] pair = option.toString().split("=", 2);
                        StorageParameter parameter = StorageParameter.named(pair[0]);
                        if (parameter != null && pair.length == 2) {
                            options.put(parameter, pair[1]);
                        }
                    }
                    return new StorageFacts(options);
                })
                .optional();
    }
}
