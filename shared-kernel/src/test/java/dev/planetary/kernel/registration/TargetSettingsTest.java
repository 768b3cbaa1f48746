package dev.planetary.kernel.registration;

import dev.planetary.kernel.change.ChangeRuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settings Planetary could not use, or should not keep in its events, are refused naming the field. */
class TargetSettingsTest {

    private static TargetSettings settings(String environment, String url, String metadata, String ddl, String colour) {
        return new TargetSettings("EU one", environment, url, metadata, ddl, colour);
    }

    @Test
    void good_settings_pass_and_blank_name_and_colour_mean_none() {
        TargetSettings good = settings("prod", "jdbc:postgresql://db.example.com:5432/app?sslmode=require", "eu-meta", "eu_ddl", " ");
        good.check();
        assertThat(good.normalised().colour()).isNull();
        assertThat(new TargetSettings(" ", "dev", "jdbc:postgresql://h/db", "m", "d", "#AABBCC").normalised())
                .extracting(TargetSettings::name, TargetSettings::colour).containsExactly(null, "#aabbcc");
    }

    @ParameterizedTest(name = "{5}")
    @CsvSource(delimiter = '|', value = {
            "Prod    | jdbc:postgresql://h/db                    | m    | d    |         | environment",
            "prod    | postgres://h/db                           | m    | d    |         | url",
            "prod    | jdbc:postgresql://h/db?password=s3cret    | m    | d    |         | url",
            "prod    | jdbc:postgresql://h/db?sslmode=require&user=x | m | d  |         | url",
            "prod    | jdbc:postgresql://bob:s3cret@h/db         | m    | d    |         | url",
            "prod    | jdbc:postgresql://h/db; DROP              | m    | d    |         | url",
            "prod    | jdbc:postgresql://h/db                    | M!   | d    |         | metadataLogin",
            "prod    | jdbc:postgresql://h/db                    | m    |      |         | ddlLogin",
            "prod    | jdbc:postgresql://h/db                    | same | same |         | metadataLogin",
            "prod    | jdbc:postgresql://h/db                    | m    | d    | red     | colour",
    })
    void bad_settings_are_refused_naming_the_field(String environment, String url, String metadata, String ddl, String colour,
                                                    String field) {
        assertThatThrownBy(() -> settings(environment, url, metadata, ddl, colour).check())
                .isInstanceOfSatisfying(ChangeRuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo(ChangeRuleViolation.Code.INVALID);
                    assertThat(e.field()).isEqualTo(field);
                });
    }
}
