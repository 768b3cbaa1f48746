package dev.planetary.query.catalog;

import dev.planetary.kernel.catalog.CatalogScope;
import dev.planetary.kernel.catalog.FindIndexFactsQuery;
import dev.planetary.kernel.spec.IndexFacts;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Reads what a drop-index's inverse is built from: the index's definition as PostgreSQL prints it, and what needs it. */
@Component
public class IndexFactsReader {

    private final Introspectors introspectors;

    public IndexFactsReader(Introspectors introspectors) {
        this.introspectors = introspectors;
    }

    @QueryHandler
    public Optional<IndexFacts> facts(FindIndexFactsQuery query) {
        CatalogScope index = CatalogScope.named(query.index().schema().name(), query.index().name().name());
        // The definition runs later as the DDL role: every name in it qualified, whatever this session's search_path.
        return introspectors.of(query.target()).withQualifiedNames(sql -> sql.query("index_facts", index, (rs, n) -> new IndexFacts(
                rs.getString("definition"), rs.getBoolean("partitioned"), CatalogSql.strings(rs, "constraints"))))
                .stream().findFirst();
    }
}
