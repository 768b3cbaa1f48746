package dev.planetary.kernel.policy;

import dev.planetary.kernel.policy.PolicyTemplate.Blanks;
import dev.planetary.kernel.policy.PolicyTemplate.Filled;
import dev.planetary.kernel.ddl.PolicyCommand;
import dev.planetary.kernel.ddl.PolicyMode;
import dev.planetary.kernel.spec.SpecViolation;
import dev.planetary.kernel.sql.Identifier;
import dev.planetary.kernel.sql.TypeName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyTemplateTest {

    @Test
    void tenantIsolationBySettingComparesTheColumnWithTheClaimForReadsAndWrites() {
        Filled filled = PolicyTemplate.TENANT_ISOLATION.fill(new Blanks(Identifier.of("tenant id"), null,
                Claim.setting("app.tenant_id"), TypeName.of("text")));
        assertThat(filled.command()).isEqualTo(PolicyCommand.ALL);
        assertThat(filled.mode()).isEqualTo(PolicyMode.PERMISSIVE);
        assertThat(filled.using().sql()).isEqualTo("\"tenant id\" = nullif(current_setting('app.tenant_id', true), '')");
        assertThat(filled.withCheck()).isEqualTo(filled.using());
    }

    @Test
    void userOwnsRowByJwtCastsToTheColumnsType() {
        Filled filled = PolicyTemplate.USER_OWNS_ROW.fill(new Blanks(Identifier.of("owner_id"), null, Claim.jwt("sub"),
                TypeName.of("uuid")));
        assertThat(filled.using().sql())
                .isEqualTo("\"owner_id\" = (current_setting('request.jwt.claims', true)::jsonb ->> 'sub')::uuid");
    }

    @Test
    void filtersAreRestrictiveSoTheyNarrowOtherPolicies() {
        Filled deleted = PolicyTemplate.SOFT_DELETE.fill(new Blanks(Identifier.of("deleted_at"), null, null, null));
        assertThat(deleted.mode()).isEqualTo(PolicyMode.RESTRICTIVE);
        assertThat(deleted.using().sql()).isEqualTo("\"deleted_at\" IS NULL");
        Filled valid = PolicyTemplate.TIME_BOUNDED.fill(new Blanks(Identifier.of("valid_from"), Identifier.of("valid_to"), null, null));
        assertThat(valid.using().sql()).isEqualTo("\"valid_from\" <= now() AND (\"valid_to\" IS NULL OR now() < \"valid_to\")");
        assertThat(valid.command()).isEqualTo(PolicyCommand.SELECT);
    }

    @Test
    void missingBlanksAndBadClaimNamesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> PolicyTemplate.TENANT_ISOLATION.fill(new Blanks(Identifier.of("t"), null, null, null)))
                .isInstanceOfSatisfying(SpecViolation.class, v -> assertThat(v.field()).isEqualTo("claim"));
        assertThatThrownBy(() -> PolicyTemplate.TIME_BOUNDED.fill(new Blanks(Identifier.of("f"), null, null, null)))
                .isInstanceOfSatisfying(SpecViolation.class, v -> assertThat(v.field()).isEqualTo("endColumn"));
        assertThatThrownBy(() -> Claim.setting("tenant_id')); DROP TABLE x; --"))
                .isInstanceOfSatisfying(SpecViolation.class, v -> assertThat(v.field()).isEqualTo("claim"));
        assertThatThrownBy(() -> Claim.setting("search_path")).isInstanceOf(SpecViolation.class);
        assertThatThrownBy(() -> Claim.jwt("a'b")).isInstanceOf(SpecViolation.class);
    }

    @Test
    void claimsAreFoundInPostgresOwnTextOfPolicies() {
        assertThat(ClaimUse.in("(tenant_id = COALESCE(NULLIF(current_setting('app.tenant_id'::text, true), ''::text), "
                + "((current_setting('request.jwt.claims'::text, true))::jsonb ->> 'tenant_id'::text)))"))
                .containsExactly(Claim.jwt("tenant_id"), Claim.setting("app.tenant_id"));
        assertThat(ClaimUse.in("(owner = current_setting('app.user_id', true))")).containsExactly(Claim.setting("app.user_id"));
        assertThat(ClaimUse.in("(current_setting('search_path') <> '')")).isEmpty();
        assertThat(ClaimUse.in(null)).isEmpty();
    }
}
