package dev.planetary.kernel.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A claim some policy reads, and where: for the claims page. */
public record ClaimUse(Claim claim, String schema, String table, String policy) {

    private static final Pattern SETTING = Pattern.compile("current_setting\\(\\s*'([^']+)'");
    private static final Pattern JWT = Pattern.compile(
            "current_setting\\(\\s*'request\\.jwt\\.claims'[^)]*\\)\\s*\\)?\\s*(?:::\\s*jsonb?)?\\s*\\)?\\s*->>?\\s*'([^']+)'");

    /** The claims one policy expression reads (PostgreSQL's own text of it), in order of appearance. */
    public static List<Claim> in(String expression) {
        Set<Claim> claims = new LinkedHashSet<>();
        if (expression == null) {
            return List.of();
        }
        Matcher jwt = JWT.matcher(expression);
        while (jwt.find()) {
            claims.add(Claim.jwt(jwt.group(1)));
        }
        Matcher setting = SETTING.matcher(expression);
        while (setting.find()) {
            String name = setting.group(1);
            if (!name.equals("request.jwt.claims")) {
                try {
                    claims.add(Claim.setting(name));
                } catch (IllegalArgumentException ignored) {
                    // a built-in setting (no dot) is not a claim
                }
            }
        }
        return new ArrayList<>(claims);
    }
}
