package dev.planetary.ui.catalog;

import dev.planetary.kernel.catalog.Catalog;
import org.junit.jupiter.api.Test;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DependencyGraphTest {

    private static final Catalog.ObjectName TABLE = new Catalog.ObjectName(1, "table", "app", "invoice");
    private static final Catalog.ObjectName VIEW = new Catalog.ObjectName(2, "view", "app", "open_invoices");
    private static final Catalog.ObjectName REPORT = new Catalog.ObjectName(3, "view", "app", "report");
    private static final Catalog.ObjectName HOSTILE = new Catalog.ObjectName(4, "view", "app", "<script>x'\"&");

    @Test
    void dependents_and_their_dependents_are_drawn_with_arrows() throws Exception {
        String svg = DependencyGraph.svg(TABLE, List.of(new Catalog.Dependency(VIEW, TABLE), new Catalog.Dependency(REPORT, VIEW)));

        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getElementsByTagName("rect").getLength()).isEqualTo(3);
        assertThat(document.getElementsByTagName("line").getLength()).isEqualTo(2);
        assertThat(svg).contains("table app.invoice").contains("view app.open_invoices").contains("view app.report");
    }

    @Test
    void names_are_escaped_so_the_picture_stays_well_formed() throws Exception {
        String svg = DependencyGraph.svg(TABLE, List.of(new Catalog.Dependency(HOSTILE, TABLE)));

        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;");
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getElementsByTagName("text").item(1).getTextContent()).contains("<script>x'\"&");
    }

    @Test
    void a_lone_table_is_one_node() {
        String svg = DependencyGraph.svg(TABLE, List.of());
        assertThat(svg.split("<rect", -1)).hasSize(2);
        assertThat(svg).doesNotContain("<line");
    }
}
