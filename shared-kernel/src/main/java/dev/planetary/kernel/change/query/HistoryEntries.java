package dev.planetary.kernel.change.query;

import java.util.List;

/** The answer to {@link FindHistoryQuery}. */
public record HistoryEntries(List<HistoryEntry> entries) {

    public HistoryEntries {
        entries = List.copyOf(entries);
    }
}
