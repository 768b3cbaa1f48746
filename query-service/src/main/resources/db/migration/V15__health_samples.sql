-- One row per target and sampling period (a minute by default): the health page's figures over time. Counters PostgreSQL keeps since
-- its statistics were reset (commits, blocks, tuples, statement calls) are stored as read; the charts
-- draw the difference between neighbouring rows. Several instances may sample the same period: the
-- first row wins. Old rows are deleted past planetary.health.retention.
CREATE TABLE health_sample (
    target                text        NOT NULL,
    bucket                timestamptz NOT NULL,
    sampled_at            timestamptz NOT NULL,
    sample_millis         integer     NOT NULL,
    connections_total     integer     NOT NULL,
    connections_active    integer     NOT NULL,
    connections_idle      integer     NOT NULL,
    connections_idle_tx   integer     NOT NULL,
    connections_waiting   integer     NOT NULL,
    xact_commit           bigint      NOT NULL,
    xact_rollback         bigint      NOT NULL,
    blks_hit              bigint      NOT NULL,
    blks_read             bigint      NOT NULL,
    tup_inserted          bigint      NOT NULL,
    tup_updated           bigint      NOT NULL,
    tup_deleted           bigint      NOT NULL,
    deadlocks             bigint      NOT NULL,
    database_bytes        bigint      NOT NULL,
    dead_tuples           bigint      NOT NULL,
    longest_query_seconds double precision,
    oldest_xact_seconds   double precision,
    statement_calls       bigint,
    statement_millis      double precision,
    PRIMARY KEY (target, bucket)
);
