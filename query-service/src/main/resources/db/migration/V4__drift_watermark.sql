-- How far the drift watcher has read the target's planetary.ddl_log.
CREATE TABLE drift_watermark (
    target  text PRIMARY KEY,
    last_id bigint NOT NULL
);
