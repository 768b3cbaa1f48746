package dev.planetary.ui.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.ui.support.KaribuIT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.stream.StreamSupport;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The configuration page and API on the real server: every parameter with unit, category and what a
 * change takes; a new shared_buffers written with ALTER SYSTEM and reloaded waits for a restart, and
 * the configuration file's line that could not apply is shown first; a role's own default is listed.
 * The server's own configuration is put back afterwards.
 */
class ConfigurationIT extends KaribuIT {

    @BeforeAll
    static void sharedBuffersWaitsForARestart() throws Exception {
        system("ALTER SYSTEM SET shared_buffers = '136MB'");
        STACK.asOwner("ALTER ROLE karen SET statement_timeout = '45s'");
    }

    @AfterAll
    static void putBack() throws Exception {
        system("ALTER SYSTEM RESET shared_buffers");
        STACK.asOwner("ALTER ROLE karen RESET statement_timeout");
    }

    @Test
    void every_parameter_is_read_with_what_a_change_takes_and_what_waits_for_a_restart() {
        JsonNode configuration = await().atMost(Duration.ofSeconds(20)).until(() -> api.get("victor", "/api/config").body(),
                body -> parameter(body, "shared_buffers").path("pendingRestart").asBoolean());
        JsonNode workMem = parameter(configuration, "work_mem");
        assertThat(workMem.path("unit").asText()).isEqualTo("kB");
        assertThat(workMem.path("category").asText()).isEqualTo("Resource Usage / Memory");
        assertThat(workMem.path("context").asText()).isEqualTo("user");
        assertThat(workMem.path("min").asText()).isEqualTo("64");
        assertThat(parameter(configuration, "wal_level").path("enumValues").toString()).contains("logical");
        assertThat(configuration.path("fileProblem").isNull()).as("the demo grants pg_file_settings").isTrue();
        assertThat(StreamSupport.stream(configuration.path("fileErrors").spliterator(), false)
                .filter(e -> e.path("name").asText().equals("shared_buffers")).findFirst().orElseThrow()
                .path("error").asText()).isEqualTo("setting could not be applied");

        JsonNode karens = StreamSupport.stream(configuration.path("roleSettings").spliterator(), false)
                .filter(r -> r.path("role").asText().equals("karen") && r.path("parameter").asText().equals("statement_timeout"))
                .findFirst().orElseThrow();
        assertThat(karens.path("value").asText()).isEqualTo("45s");
        assertThat(karens.path("database").isNull()).as("in every database").isTrue();

        signIn("victor", PlanetaryRight.VIEWER);
        UI.getCurrent().navigate(ConfigurationView.class);
        assertThat(_get(Div.class, d -> d.withId("config-file-errors")).getElement().getTextRecursively())
                .contains("shared_buffers = 136MB", "setting could not be applied");
        assertThat(_get(Span.class, s -> s.withId("config-summary")).getText()).matches("\\d+ parameters · \\d+ differ.*· [1-9]\\d* wait for a restart");
        _setValue(_get(TextField.class, t -> t.withId("config-search")), "shared_buf");
        assertThat(_get(Span.class, s -> s.withId("config-shown")).getText()).isEqualTo("1 shown");
        _setValue(_get(TextField.class, t -> t.withId("config-search")), "");
        _setValue(_get(Checkbox.class, c -> c.withId("config-restart-only")), true);
        assertThat(_get(Span.class, s -> s.withId("config-shown")).getText()).isEqualTo(
                configuration.path("parameters").findValues("pendingRestart").stream().filter(JsonNode::asBoolean).count() + " shown");
    }

    private static JsonNode parameter(JsonNode configuration, String name) {
        return StreamSupport.stream(configuration.path("parameters").spliterator(), false)
                .filter(p -> p.path("name").asText().equals(name)).findFirst().orElseThrow();
    }

    private static void system(String sql) throws Exception {
        try (Connection superuser = STACK.target(); Statement statement = superuser.createStatement()) {
            statement.execute(sql);
            statement.execute("SELECT pg_reload_conf()");
        }
    }
}
