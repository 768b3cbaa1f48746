package dev.planetary.ui.views;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.treegrid.TreeGrid;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.ui.catalog.CatalogTreeView;
import dev.planetary.ui.catalog.TablePage;
import dev.planetary.ui.support.KaribuIT;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class CatalogViewsIT extends KaribuIT {

    @Test
    void a_table_page_shows_every_part_and_links_to_a_proposal() {
        signIn("victor", PlanetaryRight.VIEWER);
        UI.getCurrent().navigate(TablePage.class, TablePage.parameters("app", "invoice"));
        assertThat(_find(Tab.class).stream().map(Tab::getLabel).toList()).anyMatch(l -> l.startsWith("Columns (8)"))
                .anyMatch(l -> l.startsWith("Constraints")).anyMatch(l -> l.startsWith("Indexes"))
                .anyMatch(l -> l.startsWith("Policies")).anyMatch(l -> l.startsWith("Triggers"))
                .anyMatch(l -> l.startsWith("Grants")).anyMatch(l -> l.startsWith("Dependent views (1)"))
                .contains("Dependency graph", "History");
        assertThat(_get(Anchor.class, a -> a.withId("propose-link")).getHref()).contains("schema=app").contains("table=invoice");
    }

    @Test
    void the_schema_tree_starts_with_the_schemas_only() {
        signIn("victor", PlanetaryRight.VIEWER);
        UI.getCurrent().navigate(CatalogTreeView.class);
        @SuppressWarnings("unchecked")
        TreeGrid<CatalogTreeView.Node> tree = _get(TreeGrid.class);
        // nothing expanded: only the schemas are shown (app, planetary's own, public), no table has been loaded
        List<CatalogTreeView.Node> shown = java.util.stream.IntStream.range(0, _size(tree)).mapToObj(i -> _get(tree, i)).toList();
        assertThat(shown).allSatisfy(node -> assertThat(node.kind()).isEqualTo("schema"));
        assertThat(shown).extracting(CatalogTreeView.Node::name).contains("app", "planetary", "public").isSorted();
    }
}
