package dev.planetary.ui.propose.index;

import com.vaadin.flow.component.combobox.ComboBox;
import dev.planetary.kernel.catalog.Catalog;
import dev.planetary.ui.propose.CatalogChoices;

import java.util.List;

/** Picks an index of a schema; each is shown with its table and size, as the catalog has it. */
final class IndexChoice {

    private IndexChoice() {
    }

    static void offer(ComboBox<String> index, CatalogChoices catalog, String schema) {
        List<Catalog.Index> indexes = catalog.indexes(schema);
        index.setItems(indexes.stream().map(Catalog.Index::name).sorted().toList());
        index.setItemLabelGenerator(name -> indexes.stream().filter(i -> i.name().equals(name)).findFirst()
                .map(i -> name + " · on " + i.table() + (i.valid() ? "" : " · INVALID")).orElse(name));
    }
}
