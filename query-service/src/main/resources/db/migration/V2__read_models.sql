-- Read models of the query side. Every table here is a projection of the event store and can be
-- emptied and rebuilt by replaying it.

CREATE TABLE change_summary (
    change_id          text PRIMARY KEY,
    title              text        NOT NULL,
    kind               text        NOT NULL,
    summary            text        NOT NULL,
    requester          text        NOT NULL,
    status             text        NOT NULL,
    risk               text        NOT NULL,
    revision           integer     NOT NULL,
    required_approvals integer     NOT NULL,
    approvals          jsonb       NOT NULL DEFAULT '[]',
    dry_run_status     text        NOT NULL,
    dry_run            jsonb,
    rejection          jsonb,
    withdrawal         jsonb,
    failure            jsonb,
    spec               jsonb       NOT NULL,
    plan               jsonb       NOT NULL,
    objects            text[]      NOT NULL,
    proposed_at        timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    version            bigint      NOT NULL
);
CREATE INDEX change_summary_status_idx ON change_summary (status, proposed_at DESC);
CREATE INDEX change_summary_requester_idx ON change_summary (requester);
CREATE INDEX change_summary_objects_idx ON change_summary USING gin (objects);

CREATE TABLE change_history (
    id          bigserial PRIMARY KEY,
    change_id   text        NOT NULL,
    sequence    bigint      NOT NULL,
    event       text        NOT NULL,
    actor       text,
    occurred_at timestamptz NOT NULL,
    summary     text        NOT NULL,
    objects     text[]      NOT NULL,
    UNIQUE (change_id, sequence)
);
CREATE INDEX change_history_time_idx ON change_history (occurred_at, id);
CREATE INDEX change_history_actor_idx ON change_history (actor);
CREATE INDEX change_history_objects_idx ON change_history USING gin (objects);

-- Who is told about a change: kept by the notification handler from the events themselves.
CREATE TABLE notification_change (
    change_id text PRIMARY KEY,
    title     text   NOT NULL,
    requester text   NOT NULL,
    reviewers text[] NOT NULL DEFAULT '{}'
);

-- Not a projection: what people say about themselves (display name, address for notifications).
CREATE TABLE person_profile (
    login        text PRIMARY KEY,
    display_name text,
    email        text,
    updated_at   timestamptz NOT NULL DEFAULT now()
);
