package dev.planetary.kernel.registration;

import dev.planetary.kernel.change.ChangeRuleViolation.Code;
import dev.planetary.kernel.change.ChangeRuleViolation;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A target database as an operator registers it: how people see it ({@code name}, {@code environment},
 * {@code colour}), where it is ({@code url}), and its two logins by the name of a credential Planetary
 * is configured with ({@code planetary.credentials.<name>.username} and {@code .password}), never
 * the secret itself: these settings are recorded in events and shown on pages.
 */
public record TargetSettings(String name, String environment, String url, String metadataLogin, String ddlLogin,
                             String colour) {

    private static final Pattern ENVIRONMENT = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern CREDENTIAL = Pattern.compile("[a-z][a-z0-9_-]{0,62}");
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    /** Connection parameters that carry a secret, which belongs in a named credential instead. */
    private static final Pattern SECRET_PARAMETER = Pattern.compile("[?&](password|user|sslpassword|sslkey)=", Pattern.CASE_INSENSITIVE);
    private static final String URL_START = "jdbc:postgresql://";

    /**
     * Refuses settings Planetary could not use or should not keep, naming the field at fault.
     * The connection itself is tried later, by the connection test.
     */
    public void check() {
        if (environment == null || !ENVIRONMENT.matcher(environment).matches()) {
            throw invalid("environment", "the environment is 1 to 40 lower-case letters, digits and dashes (dev, staging, prod)");
        }
        if (url == null || !url.startsWith(URL_START) || url.length() > 500 || url.chars().anyMatch(Character::isWhitespace)) {
            throw invalid("url", "the URL is a PostgreSQL JDBC URL such as jdbc:postgresql://db.example.com:5432/app");
        }
        String afterScheme = url.substring(URL_START.length());
        if (afterScheme.contains("@") || SECRET_PARAMETER.matcher(url).find()) {
            throw invalid("url", "the URL must not carry a login or a secret: name credentials in metadataLogin and ddlLogin");
        }
        requireCredential("metadataLogin", metadataLogin);
        requireCredential("ddlLogin", ddlLogin);
        if (metadataLogin.equals(ddlLogin)) {
            throw invalid("metadataLogin", "the metadata login must not be the DDL login: the catalog is read by a login that cannot read rows");
        }
        if (name != null && name.length() > 80) {
            throw invalid("name", "a target's display name is at most 80 characters");
        }
        if (blankToNull(colour) != null && !COLOUR.matcher(colour.strip()).matches()) {
            throw invalid("colour", "a colour is written #rrggbb");
        }
    }

    /** The settings as kept: a blank name or colour means none (the target's id, the environment's colour). */
    public TargetSettings normalised() {
        return new TargetSettings(blankToNull(name), environment, url, metadataLogin, ddlLogin,
                blankToNull(colour) == null ? null : colour.strip().toLowerCase(Locale.ROOT));
    }

    private static void requireCredential(String field, String value) {
        if (value == null || !CREDENTIAL.matcher(value).matches()) {
            throw invalid(field, "name a configured credential (planetary.credentials.<name>): lower-case letters, digits, _ and -");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static ChangeRuleViolation invalid(String field, String message) {
        return new ChangeRuleViolation(Code.INVALID, message, field);
    }
}
