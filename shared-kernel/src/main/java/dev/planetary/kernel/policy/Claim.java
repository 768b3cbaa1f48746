package dev.planetary.kernel.policy;

import dev.planetary.kernel.spec.SpecViolation;

import java.util.regex.Pattern;

/**
 * Who is calling, as a policy can know it: a custom setting the application sets per request
 * ({@code SET app.tenant_id = 'acme'}), or a claim of the JWT PostgREST verified (it puts all
 * claims, as JSON, in {@code request.jwt.claims}). Either way the value does not change with the
 * role PostgreSQL checks, which is what makes claims work through views owned by another role.
 */
public record Claim(Source source, String name) {

    public enum Source { SETTING, JWT }

    private static final Pattern SETTING = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)+");
    private static final Pattern JWT_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public Claim {
        if (source == null) {
            throw new SpecViolation("claim", "choose a setting or a JWT claim");
        }
        if (name == null || !(source == Source.SETTING ? SETTING : JWT_KEY).matcher(name).matches()) {
            throw new SpecViolation("claim", source == Source.SETTING
                    ? "'" + name + "' is not a custom setting such as app.tenant_id"
                    : "'" + name + "' is not a JWT claim name such as sub or tenant_id");
        }
    }

    public static Claim setting(String name) {
        return new Claim(Source.SETTING, name);
    }

    public static Claim jwt(String name) {
        return new Claim(Source.JWT, name);
    }

    /**
     * The claim's value as text, NULL when absent: {@code current_setting(name, true)} gives NULL
     * for a setting never set and '' for one set then reset, so both mean "no claim".
     */
    public String sql() {
        return source == Source.SETTING
                ? "nullif(current_setting('" + name + "', true), '')"
                : "(current_setting('request.jwt.claims', true)::jsonb ->> '" + name + "')";
    }

    public String display() {
        return source == Source.SETTING ? name : "JWT claim " + name;
    }
}
