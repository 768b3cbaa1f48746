-- The Planetary instances sharing this control-plane database, each seen every few seconds
-- (InstanceRegistry): how many there are decides each one's share of the event processors' segments.
CREATE TABLE planetary_instance (
    id         text PRIMARY KEY,
    host       text NOT NULL,
    started_at timestamptz NOT NULL,
    seen_at    timestamptz NOT NULL
);
