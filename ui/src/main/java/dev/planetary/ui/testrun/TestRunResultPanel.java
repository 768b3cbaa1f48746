package dev.planetary.ui.testrun;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.planetary.kernel.change.SqlError;
import dev.planetary.kernel.testrun.TestRunResult;
import dev.planetary.ui.views.SqlHighlighter;

import java.util.List;

/** What one run gave: the statement, then the rows or the error with its SQLSTATE, and the notices. */
class TestRunResultPanel extends VerticalLayout {

    TestRunResultPanel(TestRunResult result, String role) {
        setPadding(false);
        Paragraph rolledBack = new Paragraph("Ran as " + role + " in " + result.durationMillis()
                + " ms, then rolled back — nothing persisted.");
        rolledBack.setId("rolled-back");
        rolledBack.getStyle().set("font-weight", "600");
        Pre sql = new Pre();
        sql.addClassName("sql");
        sql.setId("test-sql");
        sql.getElement().setProperty("innerHTML", SqlHighlighter.html(result.sql()));
        add(new H3(result.succeeded() ? "Result" : "Error"), rolledBack, sql);
        if (result.succeeded()) {
            add(rows(result));
        } else {
            add(error(result.error()));
        }
        if (!result.notices().isEmpty()) {
            UnorderedList notices = new UnorderedList();
            notices.setId("test-notices");
            result.notices().forEach(n -> notices.add(new ListItem(n)));
            add(new Span("Notices"), notices);
        }
    }

    private static VerticalLayout rows(TestRunResult result) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        Grid<List<String>> grid = new Grid<>();
        grid.setId("test-rows");
        for (int c = 0; c < result.columns().size(); c++) {
            int column = c;
            grid.addColumn(row -> row.get(column) == null ? "NULL" : row.get(column))
                    .setHeader(result.columns().get(c)).setAutoWidth(true).setResizable(true);
        }
        grid.setItems(result.rows());
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
        String count = result.rows().size() + " row(s)"
                + (result.truncated() ? "; only the first " + TestRunResult.MAX_ROWS + " are shown" : "");
        Span rows = new Span(count);
        rows.setId("test-row-count");
        box.add(rows);
        if (!result.columns().isEmpty()) {
            box.add(grid);
        }
        return box;
    }

    private static Div error(SqlError error) {
        Div box = new Div();
        box.setId("test-error");
        box.addClassName("test-run-error");
        box.setWidthFull();
        Span state = new Span("SQLSTATE " + error.sqlState());
        state.setId("test-sqlstate");
        state.getStyle().set("font-weight", "600").set("font-family", "var(--lumo-font-family-monospace, monospace)");
        Paragraph message = new Paragraph(error.message());
        message.setId("test-error-message");
        box.add(state, message);
        if (error.detail() != null) {
            box.add(new Paragraph("Detail: " + error.detail()));
        }
        if (error.hint() != null) {
            box.add(new Paragraph("Hint: " + error.hint()));
        }
        return box;
    }
}
