package dev.planetary.kernel.change.query;

import dev.planetary.kernel.change.ChangeId;

import java.util.List;

/** A query result: change ids (a record, so the query bus has one concrete response type). */
public record ChangeIdList(List<ChangeId> ids) {
}
