package dev.planetary.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash loop's short version, in the suite: the shipped jar on its durable embedded default,
 * SIGKILLed twice under four clients that propose and approve GRANTs and index builds (bench/README.md
 * has the 50-kill run). Every promise the loop checks must hold.
 */
class CrashLoopIT {

    @Test
    void two_kills_under_load_lose_nothing_and_apply_nothing_twice() throws Exception {
        // Rounds of 12 s: the kill lands between 3 and 12 s after the restart. With 8-s rounds a slow machine
        // (restarts of 33 s, first answers slower still) saw both kills land before any proposal was
        // answered, and the clients got nothing through but the requests sent again at the end.
        CrashLoop.Verdict verdict = CrashLoop.run(2, 4, 11, Duration.ofSeconds(12));

        assertThat(verdict.holds()).as(verdict.toString()).isTrue();
        assertThat(verdict.proposalsAnswered()).as("the clients got changes through").isGreaterThan(4);
        assertThat(verdict.appliedEvents()).as("changes were applied").isPositive();
    }
}
