package dev.planetary.ui.target;

import dev.planetary.kernel.target.TargetView;

import java.util.Locale;

/**
 * The colour of a target's frame: its own when configured, otherwise its environment's, so that
 * production is unmistakable (red) and development calm (green) without any configuration.
 */
public final class EnvironmentColours {

    private EnvironmentColours() {
    }

    public static String of(TargetView target) {
        if (target.colour() != null && target.colour().matches("#[0-9a-fA-F]{3,8}")) {
            return target.colour();
        }
        return ofEnvironment(target.environment());
    }

    public static String ofEnvironment(String environment) {
        String name = environment == null ? "" : environment.toLowerCase(Locale.ROOT);
        if (isProduction(environment)) {
            return "#c62828";
        }
        if (name.startsWith("stag") || name.startsWith("pre") || name.equals("uat")) {
            return "#ef6c00";
        }
        if (name.startsWith("dev") || name.equals("local")) {
            return "#2e7d32";
        }
        if (name.startsWith("test") || name.equals("qa") || name.equals("ci")) {
            return "#1565c0";
        }
        return "#607d8b";
    }

    public static boolean isProduction(String environment) {
        String name = environment == null ? "" : environment.toLowerCase(Locale.ROOT);
        return name.startsWith("prod") || name.equals("live");
    }
}
