package dev.planetary.kernel.target;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.planetary.kernel.change.ChangeId;
import dev.planetary.kernel.change.event.ChangeProposedEvent;
import dev.planetary.kernel.sql.Grantee;
import dev.planetary.kernel.spec.ChangeSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TargetIdTest {

    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "Prod", "1dev", "dev_eu", "dev eu", "-dev", "a-name-of-more-than-forty-characters-long-x",
            "dev;drop", "prod\n"})
    void a_target_name_is_lower_case_letters_digits_and_dashes(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> TargetId.of(value));
    }

    @Test
    void a_target_is_its_name_in_json() throws Exception {
        TargetId staging = TargetId.of("staging-eu");
        assertThat(mapper.writeValueAsString(staging)).isEqualTo("\"staging-eu\"");
        assertThat(mapper.readValue("\"staging-eu\"", TargetId.class)).isEqualTo(staging);
    }

    @Test
    void an_event_recorded_before_targets_existed_belongs_to_the_default_target() throws Exception {
        ChangeSpec spec = new dev.planetary.kernel.spec.privilege.TablePrivilegeSpec(
                dev.planetary.kernel.spec.privilege.PrivilegeAction.GRANT,
                java.util.List.of(dev.planetary.kernel.spec.privilege.TablePrivilege.SELECT),
                dev.planetary.kernel.sql.QualifiedName.of("app", "invoice"), null, Grantee.of("karen"), false);
        ChangeProposedEvent now = new ChangeProposedEvent(ChangeId.of("c-1"), TargetId.of("dev"), "t", spec, spec.plan(), 1,
                "alice", null); // the kernel has no java.time module: the instant is not what this is about
        var old = mapper.valueToTree(now);
        ((com.fasterxml.jackson.databind.node.ObjectNode) old).remove("target");

        ChangeProposedEvent read = mapper.treeToValue(old, ChangeProposedEvent.class);

        assertThat(read.target()).isEqualTo(TargetId.DEFAULT);
        assertThat(read.changeId()).isEqualTo(now.changeId());
        assertThat(new dev.planetary.kernel.drift.DriftDetectedEvent("drift-1", null, null, "postgres", "CREATE TABLE", "table",
                "app.t", null).target()).as("drift recorded before targets existed").isEqualTo(TargetId.DEFAULT);
    }
}
