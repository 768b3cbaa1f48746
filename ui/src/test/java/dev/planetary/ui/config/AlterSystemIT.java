package dev.planetary.ui.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import dev.planetary.kernel.config.ConfigParameter;
import dev.planetary.kernel.config.Configuration;
import dev.planetary.kernel.config.ConfigurationQuery;
import dev.planetary.kernel.identity.PlanetaryRight;
import dev.planetary.kernel.target.TargetId;
import dev.planetary.ui.support.Api.Response;
import dev.planetary.ui.support.KaribuIT;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.StreamSupport;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * alter-system on the real server: a value is checked against pg_settings before anything is stored (a 400
 * naming the field), work_mem set through an approved change is in force in new sessions after the reload,
 * shared_buffers is applied and shown as waiting for a restart, each says so on its step, and the inverse
 * put each back. The form opens on a parameter from the configuration page and checks values as typed.
 */
class AlterSystemIT extends KaribuIT {

    @Autowired
    private QueryGateway queries;

    @AfterAll
    static void putBack() throws Exception {
        try (Connection superuser = STACK.target(); Statement statement = superuser.createStatement()) {
            statement.execute("ALTER SYSTEM RESET work_mem");
            statement.execute("ALTER SYSTEM RESET shared_buffers");
            statement.execute("SELECT pg_reload_conf()");
        }
    }

    @Test
    void a_value_pg_settings_refuses_is_a_400_naming_the_field_and_nothing_is_stored() {
        Response apples = api.post("alice", "/api/changes",
                "{\"spec\": {\"kind\": \"alter-system\", \"parameter\": \"work_mem\", \"value\": \"64 apples\"}}");
        assertThat(apples.status()).isEqualTo(400);
        assertThat(apples.code()).isEqualTo("invalid_spec");
        assertThat(apples.body().path("field").asText()).isEqualTo("spec.value");
        Response tooSmall = api.post("alice", "/api/changes",
                "{\"spec\": {\"kind\": \"alter-system\", \"parameter\": \"work_mem\", \"value\": \"8kB\"}}");
        assertThat(tooSmall.body().path("field").asText()).isEqualTo("spec.value");
        assertThat(tooSmall.body().toString()).contains("between 64 and 2147483647");
        Response unknown = api.post("alice", "/api/changes",
                "{\"spec\": {\"kind\": \"alter-system\", \"parameter\": \"no_such_parameter\", \"value\": \"1\"}}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().path("field").asText()).isEqualTo("spec.parameter");
        Response internal = api.post("alice", "/api/changes",
                "{\"spec\": {\"kind\": \"alter-system\", \"parameter\": \"block_size\", \"value\": \"16384\"}}");
        assertThat(internal.body().path("field").asText()).isEqualTo("spec.parameter");
    }

    @Test
    void work_mem_is_in_force_after_the_reload_and_its_inverse_puts_the_default_back() throws Exception {
        String id = api.applied("alice", "bob", "{\"kind\": \"alter-system\", \"parameter\": \"work_mem\", \"value\": \"64MB\"}");
        assertThat(show("work_mem")).isEqualTo("64MB");
        assertThat(lastNote(id)).isEqualTo("work_mem is 65536 kB in new sessions, checked after the reload");
        JsonNode change = api.get("victor", "/api/changes/" + id).body();
        assertThat(change.path("plan").path("inverse").get(0).path("sql").asText()).isEqualTo("ALTER SYSTEM RESET \"work_mem\"");

        String reset = api.applied("alice", "bob", "{\"kind\": \"alter-system\", \"parameter\": \"work_mem\", \"reset\": true}");
        assertThat(show("work_mem")).isEqualTo("4MB");
        assertThat(lastNote(reset)).startsWith("work_mem is back to 4096 kB");
        assertThat(api.get("victor", "/api/changes/" + reset).body().path("plan").path("inverse").get(0).path("sql").asText())
                .as("the reset's inverse writes back what postgresql.auto.conf held").isEqualTo("ALTER SYSTEM SET \"work_mem\" = E'64MB'");

        // the configuration page: an opened parameter has its history through Planetary and a way to change it
        signIn("alice", PlanetaryRight.REQUESTER);
        ConfigParameter workMem = queries.query(new ConfigurationQuery(TargetId.DEFAULT), Configuration.class).join().parameters()
                .stream().filter(p -> p.name().equals("work_mem")).findFirst().orElseThrow();
        Component history = new ParameterChanges(queries).of(workMem);
        String text = history.getElement().getTextRecursively();
        assertThat(text).contains("work_mem = 64MB", "reset work_mem", "in new sessions, checked after the reload");
        assertThat(text.indexOf("reset work_mem")).as("newest first").isLessThan(text.indexOf("work_mem = 64MB"));
        assertThat(history.getChildren().filter(Button.class::isInstance).findFirst().orElseThrow().getId()).hasValue("config-change-work_mem");
        signIn("victor", PlanetaryRight.VIEWER);
        assertThat(new ParameterChanges(queries).of(workMem).getChildren().noneMatch(Button.class::isInstance))
                .as("a viewer is not offered a change").isTrue();
    }

    @Test
    void shared_buffers_is_written_and_waits_for_a_restart_as_a_high_risk_change() {
        JsonNode proposed = api.propose("alice", "{\"kind\": \"alter-system\", \"parameter\": \"shared_buffers\", \"value\": \"144MB\"}");
        String id = proposed.path("id").asText();
        assertThat(proposed.path("risk").asText()).isEqualTo("HIGH");
        api.approve("bob", id);
        api.approve("carol", id);
        assertThat(api.awaitStatus(id, "APPLIED").path("status").asText()).isEqualTo("APPLIED");
        assertThat(lastNote(id)).startsWith("shared_buffers waits for a restart of the server");
        assertThat(parameter("shared_buffers").path("pendingRestart").asBoolean()).isTrue();

        String reset = api.propose("alice", "{\"kind\": \"alter-system\", \"parameter\": \"shared_buffers\", \"reset\": true}")
                .path("id").asText();
        api.approve("bob", reset);
        api.approve("carol", reset);
        assertThat(api.awaitStatus(reset, "APPLIED").path("status").asText()).isEqualTo("APPLIED");
        assertThat(parameter("shared_buffers").path("pendingRestart").asBoolean()).isFalse();
    }

    @Test
    void the_form_opens_on_a_parameter_and_checks_the_value_as_typed() {
        signIn("alice", PlanetaryRight.REQUESTER);
        UI.getCurrent().navigate("propose", QueryParameters.simple(Map.of("kind", "alter-system", "parameter", "work_mem")));
        @SuppressWarnings("unchecked")
        ComboBox<String> parameter = _get(ComboBox.class, c -> c.withId("alter-system-parameter"));
        assertThat(parameter.getValue()).isEqualTo("work_mem");
        TextField value = _get(TextField.class, t -> t.withId("alter-system-value"));
        assertThat(value.getHelperText()).contains("integer from 64 to 2147483647 kB", "takes a SET in the session, or a reload");
        _setValue(value, "64 apples");
        assertThat(value.isInvalid()).isTrue();
        assertThat(value.getErrorMessage()).contains("work_mem takes B, kB, MB, GB or TB as its unit");
        _setValue(value, "32MB");
        assertThat(value.isInvalid()).isFalse();
        _setValue(_get(Checkbox.class, c -> c.withId("alter-system-reset")), true);
        assertThat(value.isEnabled()).isFalse();
    }

    private static String show(String parameter) throws Exception {
        try (Connection fresh = STACK.target(); Statement statement = fresh.createStatement();
             ResultSet row = statement.executeQuery("SHOW " + parameter)) {
            row.next();
            return row.getString(1);
        }
    }

    private JsonNode parameter(String name) {
        return StreamSupport.stream(api.get("victor", "/api/config").body().path("parameters").spliterator(), false)
                .filter(p -> p.path("name").asText().equals(name)).findFirst().orElseThrow();
    }

    /** The note of the change's last step: what the executor found after the reload. */
    private String lastNote(String id) {
        JsonNode steps = api.get("victor", "/api/changes/" + id).body().path("steps");
        return steps.get(steps.size() - 1).path("note").asText();
    }
}
