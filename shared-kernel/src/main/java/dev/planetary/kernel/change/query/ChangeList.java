package dev.planetary.kernel.change.query;

import java.util.List;

/** The answer to {@link FindChangesQuery}. */
public record ChangeList(List<ChangeView> changes) {

    public ChangeList {
        changes = List.copyOf(changes);
    }
}
