package dev.planetary.ui;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/** Planetary: the four modules in one application. */
@SpringBootApplication(scanBasePackages = "dev.planetary")
@EnableScheduling
public class PlanetaryApplication {

    public static void main(String[] args) {
        SpringApplication.run(PlanetaryApplication.class, args);
    }

    /** The one clock: aggregates and handlers take it as a resource, tests replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
