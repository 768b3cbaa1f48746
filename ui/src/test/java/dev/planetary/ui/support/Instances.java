package dev.planetary.ui.support;

import dev.planetary.ui.PlanetaryApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.HashMap;
import java.util.Map;

/**
 * A Planetary application context of its own on a {@link TestStack}, on a free port, started and
 * stopped by the test (a restart, a second instance). Each context installs its own security-context
 * strategy in the static SecurityContextHolder (Vaadin's): a class using this puts the shared one
 * back after it ({@code SecurityContextHolder.setContextHolderStrategy} with the one it found).
 */
public final class Instances {

    private Instances() {
    }

    public static ConfigurableApplicationContext start(TestStack stack, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(stack.properties());
        properties.putAll(extra);
        return new SpringApplicationBuilder(PlanetaryApplication.class).properties(properties)
                .run("--server.port=0"); // an argument: the builder's properties are defaults, below application.yml's port
    }

    public static Api api(ConfigurableApplicationContext context) {
        return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }
}
