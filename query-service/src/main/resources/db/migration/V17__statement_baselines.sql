-- The pg_stat_statements counters of the statements on what a change touched, read when its apply was
-- recorded: a change's page compares them with the counters read later. An observation of the target,
-- not a projection of events (a replay cannot read the past counters again), so nothing resets it.
CREATE TABLE statement_baseline_taken (
    change_id        text        PRIMARY KEY,
    target           text        NOT NULL,
    taken_at         timestamptz NOT NULL,
    statistics_since timestamptz,
    problem          text
);

CREATE TABLE statement_baseline (
    change_id text             NOT NULL REFERENCES statement_baseline_taken ON DELETE CASCADE,
    query_id  bigint           NOT NULL,
    role      text             NOT NULL,
    query     text             NOT NULL,
    calls     bigint           NOT NULL,
    total_ms  double precision NOT NULL,
    rows      bigint           NOT NULL,
    PRIMARY KEY (change_id, query_id, role)
);
