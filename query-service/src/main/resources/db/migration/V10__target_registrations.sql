-- Targets registered at run time, as reviewed changes to Planetary's own configuration (configured
-- targets are not here). Credentials are kept by name only; the secret stays in configuration.
CREATE TABLE target_registration (
    target          text PRIMARY KEY,
    name            text,
    environment     text NOT NULL,
    url             text NOT NULL,
    metadata_login  text NOT NULL,
    ddl_login       text NOT NULL,
    colour          text,
    status          text NOT NULL,
    requested_by    text NOT NULL,
    requested_at    timestamptz NOT NULL,
    connection_test jsonb,
    testing         boolean NOT NULL DEFAULT true,
    decided_by      text,
    decided_at      timestamptz,
    reason          text,
    version         bigint NOT NULL
);
