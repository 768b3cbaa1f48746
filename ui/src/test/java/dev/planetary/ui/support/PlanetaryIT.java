package dev.planetary.ui.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the application tests: one Spring context for all of them (same configuration, so
 * Spring caches it), talking to real PostgreSQL and a real SMTP server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class PlanetaryIT {

    protected static final TestStack STACK = TestStack.create("app");

    @LocalServerPort
    private int port;
    protected Api api;

    @DynamicPropertySource
    static void wire(DynamicPropertyRegistry registry) {
        STACK.properties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @BeforeEach
    void client() {
        api = new Api(port);
    }
}
