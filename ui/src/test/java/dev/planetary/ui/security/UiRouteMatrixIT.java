package dev.planetary.ui.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.ui.support.KaribuIT;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The UI half of the authorization matrix (the API half is {@link AuthorizationMatrixIT}): every page
 * of the application, opened by a person holding each right (and by one signed in with none), lands on
 * that page exactly when the table below says so. The table names every route, so a new page without
 * a row fails here.
 */
class UiRouteMatrixIT extends KaribuIT {

    private static final Set<PlanetaryRight> EVERYONE = EnumSet.allOf(PlanetaryRight.class);

    /** Route template → the rights that open it (empty: any signed-in person), with a path to open it by. */
    private record Row(String path, Set<PlanetaryRight> rights) {
    }

    private static final Map<String, Row> TABLE = Map.ofEntries(
            Map.entry("changes", new Row("changes", EVERYONE)),
            Map.entry("changes/:id", new Row("changes/no-such-change", EVERYONE)),
            Map.entry("history", new Row("history", EVERYONE)),
            Map.entry("catalog", new Row("catalog", EVERYONE)),
            Map.entry("catalog/functions", new Row("catalog/functions", EVERYONE)),
            Map.entry("catalog/roles", new Row("catalog/roles", EVERYONE)),
            Map.entry("catalog/roles/:name", new Row("catalog/roles/app_reader", EVERYONE)),
            Map.entry("catalog/privileges", new Row("catalog/privileges", EVERYONE)),
            Map.entry("catalog/tables/:schema/:name", new Row("catalog/tables/app/customer", EVERYONE)),
            Map.entry("catalog/claims", new Row("catalog/claims", EVERYONE)),
            Map.entry("targets", new Row("targets", EVERYONE)),
            Map.entry("health", new Row("health", EVERYONE)),
            Map.entry("indexes", new Row("indexes", EVERYONE)),
            Map.entry("configuration", new Row("configuration", EVERYONE)),
            Map.entry("jobs", new Row("jobs", EVERYONE)),
            Map.entry("replication", new Row("replication", EVERYONE)),
            Map.entry("targets/compare", new Row("targets/compare", EVERYONE)),
            Map.entry("profile", new Row("profile", Set.of())),
            Map.entry("propose", new Row("propose", EnumSet.of(PlanetaryRight.REQUESTER))),
            Map.entry("test-runs", new Row("test-runs", EnumSet.of(PlanetaryRight.REQUESTER, PlanetaryRight.REVIEWER))),
            Map.entry("audit", new Row("audit", EnumSet.of(PlanetaryRight.OPERATOR))));

    @Test
    void the_table_names_every_page() {
        Set<String> routes = RouteConfiguration.forApplicationScope().getAvailableRoutes().stream().map(RouteData::getTemplate)
                .filter(template -> !template.equals("login")).collect(Collectors.toSet());
        assertThat(TABLE.keySet()).as("pages of the application").containsExactlyInAnyOrderElementsOf(routes);
    }

    @Test
    void every_page_opens_for_exactly_the_rights_in_the_table() {
        Map<String, Class<?>> views = new TreeMap<>();
        RouteConfiguration.forApplicationScope().getAvailableRoutes().forEach(route -> views.put(route.getTemplate(), route.getNavigationTarget()));
        List<String> wrong = new ArrayList<>();
        List<PlanetaryRight> holders = new ArrayList<>(List.of(PlanetaryRight.values()));
        holders.add(null); // signed in, holding none of the rights
        for (PlanetaryRight right : holders) {
            signIn(right == null ? "nobody" : "person-" + right.name().toLowerCase(),
                    right == null ? new PlanetaryRight[0] : new PlanetaryRight[] {right});
            for (Map.Entry<String, Row> entry : TABLE.entrySet()) {
                Row row = entry.getValue();
                boolean expected = row.rights().isEmpty() || right != null && row.rights().contains(right);
                UI.getCurrent().navigate("");
                UI.getCurrent().navigate(row.path());
                Object shown = UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0);
                boolean opened = views.get(entry.getKey()).isInstance(shown);
                if (opened != expected) {
                    wrong.add("%s as %s: %s (shown %s)".formatted(row.path(), right == null ? "no right" : right,
                            expected ? "should open" : "should be refused", shown.getClass().getSimpleName()));
                }
            }
        }
        assertThat(wrong).as("pages opened or refused against the table").isEmpty();
    }
}
