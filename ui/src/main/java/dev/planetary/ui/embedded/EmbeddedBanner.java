package dev.planetary.ui.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Tells whoever started the embedded default where to go and how to sign in. */
@Component
@ConditionalOnProperty(name = "planetary.embedded.running", havingValue = "true")
public class EmbeddedBanner {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBanner.class);

    private final Environment environment;

    public EmbeddedBanner(Environment environment) {
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void announce() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        boolean firstStart = environment.getProperty(EmbeddedDefault.FIRST_START, Boolean.class, true);
        StringBuilder text = new StringBuilder("\n\n  Planetary is running on its embedded default\n")
                .append("  Data: ").append(environment.getProperty(EmbeddedHome.DATA_DIR))
                .append(firstStart ? " (demo loaded on this first start; kept across restarts)" : " (kept from earlier starts)")
                .append("\n  To start afresh, stop Planetary and start it with PLANETARY_EMBEDDED_FRESH=true\n")
                .append("  Open http://localhost:").append(port).append("/   API: http://localhost:").append(port)
                .append("/swagger-ui.html\n  Demo logins (PostgreSQL roles of the demo target database):\n");
        for (Map.Entry<String, String> person : DemoTarget.describePeople().entrySet()) {
            text.append(String.format("    %-22s %s%n", person.getKey(), person.getValue()));
        }
        String registrable = environment.getProperty(EmbeddedDefault.REGISTRABLE_URL);
        if (registrable != null) {
            text.append("  Try registering a target (Operations > Targets, as bob; carol approves):\n")
                    .append("    URL ").append(registrable).append("   metadata login demo-meta   DDL login demo-ddl\n");
        }
        log.info(text.toString());
    }
}
