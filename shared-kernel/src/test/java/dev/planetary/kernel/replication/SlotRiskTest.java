package dev.planetary.kernel.replication;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When a replication slot endangers its server. */
class SlotRiskTest {

    private static final long GB = 1L << 30;

    @Test
    void an_active_slot_within_its_limit_is_fine_however_much_it_holds() {
        assertThat(SlotRisk.of(true, "extended", 5 * GB, 10L, GB, 100_000_000)).isNull();
    }

    @Test
    void an_inactive_slot_holding_more_than_the_threshold_is_at_risk_in_words() {
        assertThat(SlotRisk.of(false, "reserved", 3 * GB / 2, 10L, GB, 100_000_000))
                .isEqualTo("inactive and holding 1.5 GB of WAL: the disk fills until it is used or dropped");
        assertThat(SlotRisk.of(false, "reserved", GB / 2, 10L, GB, 100_000_000)).isNull();
    }

    @Test
    void unreserved_and_lost_slots_are_at_risk_even_when_active() {
        assertThat(SlotRisk.of(true, "unreserved", 0L, null, GB, 100_000_000)).startsWith("past max_slot_wal_keep_size");
        assertThat(SlotRisk.of(true, "lost", null, null, GB, 100_000_000)).startsWith("lost: the WAL it needs has been removed");
    }

    @Test
    void an_inactive_slot_holding_back_vacuum_too_long_is_at_risk() {
        assertThat(SlotRisk.of(false, "reserved", 0L, 200_000_000L, GB, 100_000_000))
                .isEqualTo("inactive and holding back vacuum for 200000000 transactions");
    }
}
