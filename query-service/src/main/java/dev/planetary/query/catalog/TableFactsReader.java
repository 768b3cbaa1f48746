package dev.planetary.query.catalog;

import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.kernel.catalog.CatalogScope;
import dev.planetary.kernel.catalog.FindTableFactsQuery;
import dev.planetary.kernel.spec.TableFacts.DependentView;
import dev.planetary.kernel.spec.TableFacts.FactColumn;
import dev.planetary.kernel.spec.TableFacts.FactGrant;
import dev.planetary.kernel.spec.TableFacts.FactPolicy;
import dev.planetary.kernel.spec.TableFacts;
import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.QualifiedName;
import dev.planetary.kernel.sql.SqlFragment;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Turns a table's catalog page into the facts a protection is planned from. */
@Component
public class TableFactsReader {

    private final Introspectors introspectors;

    public TableFactsReader(Introspectors introspectors) {
        this.introspectors = introspectors;
    }

    @QueryHandler
    public Optional<TableFacts> facts(FindTableFactsQuery query) {
        QualifiedName name = query.table();
        Introspector introspector = introspectors.of(query.target());
        return introspector.table(name.schema().name(), name.name().name()).map(detail -> facts(introspector, detail));
    }

    private static TableFacts facts(Introspector introspector, Catalog.TableDetail detail) {
        Catalog.Table table = detail.table();
        String owner = table.owner();
        boolean bypasses = introspector.access().roles().stream()
                .filter(r -> r.name().equals(owner))
                .anyMatch(r -> r.superuser() || r.bypassRls());
        List<FactColumn> columns = detail.columns().stream().map(TableFactsReader::column).toList();
        List<Identifier> key = detail.constraints().stream()
                .filter(c -> c.kind() == Catalog.ConstraintKind.PRIMARY_KEY)
                .flatMap(c -> c.columns().stream()).map(Identifier::of).toList();
        List<FactGrant> grants = detail.privileges().stream()
                .filter(p -> !p.grantee().equals(owner))
                .map(p -> new FactGrant(Grantee.of(p.grantee()), p.privilege(),
                        p.column() == null ? null : Identifier.of(p.column()), p.grantable()))
                .toList();
        List<FactPolicy> policies = detail.policies().stream()
                .map(p -> new FactPolicy(Identifier.of(p.name()), p.command(), p.mode(),
                        p.roles().stream().map(Grantee::of).toList(), fragment(p.using()), fragment(p.withCheck())))
                .toList();
        List<DependentView> views = detail.dependentViews().stream()
                .map(Catalog.Dependency::dependent)
                .map(v -> new DependentView(QualifiedName.of(v.schema(), v.name()), Identifier.of(viewOwner(introspector, v))))
                .distinct()
                .toList();
        List<Grantee> schemaUsage = introspector.access().privileges(CatalogScope.schema(table.schema())).stream()
                .filter(p -> p.objectType() == Catalog.PrivilegeObject.SCHEMA && p.privilege().equals("USAGE"))
                .map(p -> Grantee.of(p.grantee()))
                .distinct()
                .toList();
        return new TableFacts(Identifier.of(owner), bypasses, table.rlsEnabled(), table.rlsForced(), columns, key,
                grants, policies, views, schemaUsage);
    }

    /** Identity, generated and sequence-fed columns are the server's to fill; other defaults are kept. */
    private static FactColumn column(Catalog.Column column) {
        String defaultExpression = column.defaultExpression();
        boolean generated = column.identity() != Catalog.Identity.NONE || column.generatedExpression() != null
                || (defaultExpression != null && defaultExpression.startsWith("nextval("));
        return new FactColumn(Identifier.of(column.name()), column.type(), generated,
                generated ? null : fragment(defaultExpression));
    }

    private static String viewOwner(Introspector introspector, Catalog.ObjectName view) {
        return introspector.relations().views(CatalogScope.named(view.schema(), view.name())).stream()
                .map(Catalog.View::owner).findFirst().orElseGet(() -> introspector.table(view.oid())
                        .map(d -> d.table().owner()).orElse("unknown"));
    }

    /** PostgreSQL's own text of an expression; one it cannot round-trip as a single expression is left out. */
    private static SqlFragment fragment(String expression) {
        if (expression == null) {
            return null;
        }
        try {
            return SqlFragment.of(expression);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
