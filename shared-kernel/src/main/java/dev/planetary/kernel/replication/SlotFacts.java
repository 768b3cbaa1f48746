package dev.planetary.kernel.replication;

/**
 * A replication slot as Planetary read it when its drop was proposed ({@code exists} false: there is none of that
 * name): its type, whether a connection uses it (and which backend), and the WAL it holds back.
 */
public record SlotFacts(boolean exists, String type, boolean active, Integer activePid, Long retainedBytes) {

    public static final SlotFacts NONE = new SlotFacts(false, null, false, null, null);
}
