package dev.planetary.kernel.policy;

import dev.planetary.kernel.ddl.PolicyCommand;
import dev.planetary.kernel.ddl.PolicyMode;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.sql.Identifier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SavedPolicyTemplateTest {

    @Test
    void theBlankBecomesTheQuotedColumnAndTheModeIsKept() {
        SavedPolicyTemplate region = new SavedPolicyTemplate(" region ", null, PolicyCommand.SELECT, PolicyMode.RESTRICTIVE,
                "{column} = current_setting('app.region', true)", null);
        PolicyTemplate.Filled filled = region.fill(Identifier.of("Region \"code\""));
        assertThat(region.name()).isEqualTo("region");
        assertThat(region.hasBlank()).isTrue();
        assertThat(filled.using().sql()).isEqualTo("\"Region \"\"code\"\"\" = current_setting('app.region', true)");
        assertThat(filled.mode()).isEqualTo(PolicyMode.RESTRICTIVE);
        assertThat(filled.command()).isEqualTo(PolicyCommand.SELECT);
        assertThat(filled.withCheck()).isNull();
    }

    @Test
    void aTemplateIsCheckedAsAPolicyExpressionWhenSaved() {
        assertThatThrownBy(() -> new SavedPolicyTemplate("bad", null, null, null, "true); DROP TABLE t; --", null))
                .isInstanceOfSatisfying(SpecViolation.class, v -> assertThat(v.field()).isEqualTo("using"));
        assertThatThrownBy(() -> new SavedPolicyTemplate("empty", null, null, null, " ", null))
                .isInstanceOfSatisfying(SpecViolation.class, v -> assertThat(v.field()).isEqualTo("using"));
        assertThatThrownBy(() -> new SavedPolicyTemplate(" ", null, null, null, "true", null))
                .isInstanceOfSatisfying(SpecViolation.class, v -> assertThat(v.field()).isEqualTo("name"));
    }
}
