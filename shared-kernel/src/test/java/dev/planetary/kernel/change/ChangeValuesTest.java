package dev.planetary.kernel.change;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ChangeValuesTest {

    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void changeIdCannotBeEmpty(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> ChangeId.of(value));
    }

    @Test
    void changeIdIsItsValueForAxonAndJson() throws Exception {
        ChangeId id = ChangeId.of("c-1");

        assertThat(id).hasToString("c-1");
        assertThat(mapper.writeValueAsString(id)).isEqualTo("\"c-1\"");
        assertThat(mapper.readValue("\"c-1\"", ChangeId.class)).isEqualTo(id);
    }

    @Test
    void randomIdsDiffer() {
        assertThat(ChangeId.random()).isNotEqualTo(ChangeId.random());
    }

    @ParameterizedTest
    @EnumSource(value = ChangeStatus.class, names = {"APPLIED", "FAILED", "REJECTED", "WITHDRAWN"})
    void finalStatuses(ChangeStatus status) {
        assertThat(status.isFinal()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = ChangeStatus.class, names = {"PROPOSED", "APPROVED", "APPLYING"})
    void openStatuses(ChangeStatus status) {
        assertThat(status.isFinal()).isFalse();
    }

    @Test
    void dryRunOutcomes() {
        assertThat(DryRunOutcome.passed(12)).isEqualTo(new DryRunOutcome(true, null, 12, java.util.List.of()));
        SqlError error = SqlError.of("42601", "syntax error");
        assertThat(DryRunOutcome.failed(error, 7)).isEqualTo(new DryRunOutcome(false, error, 7, null));
    }

    @Test
    void sqlErrorWithoutPositionOrStatement() {
        assertThat(SqlError.of("42501", "permission denied"))
                .isEqualTo(new SqlError("42501", "permission denied", null, null, 0, -1));
    }

    @Test
    void ruleViolationCarriesCodeAndOptionalField() {
        ChangeRuleViolation plain = new ChangeRuleViolation(ChangeRuleViolation.Code.SELF_REVIEW, "no");
        ChangeRuleViolation invalid = new ChangeRuleViolation(ChangeRuleViolation.Code.INVALID, "reason needed", "reason");

        assertThat(plain.code()).isEqualTo(ChangeRuleViolation.Code.SELF_REVIEW);
        assertThat(plain.field()).isNull();
        assertThat(plain).hasMessage("no");
        assertThat(invalid.field()).isEqualTo("reason");
    }
}
