-- API requests sent with an Idempotency-Key: the answer a retry gets again (IdempotentRequests).
CREATE TABLE idempotent_request (
    -- RequestKey: a SHA-256 digest of the person and the client's key
    request_key  char(64) PRIMARY KEY,
    -- a SHA-256 digest of the method, path and body: the same key with another request is refused
    request_hash char(64) NOT NULL,
    state        text NOT NULL CHECK (state IN ('RUNNING', 'DONE')),
    -- while RUNNING, renewed by the instance serving it; once past, that instance has died and a retry runs it again
    lease_until  timestamptz NOT NULL,
    status       int,
    content_type text,
    location     text,
    body         bytea,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idempotent_request_created_at ON idempotent_request (created_at);
