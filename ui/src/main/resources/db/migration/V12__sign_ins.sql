-- Every sign-in checked against PostgreSQL, every failure, refusal and sign-out (SignInLog).
CREATE TABLE sign_in (
    id             bigserial PRIMARY KEY,
    at             timestamptz NOT NULL DEFAULT now(),
    login          text NOT NULL,
    client_address text,
    channel        text NOT NULL CHECK (channel IN ('UI', 'API')),
    outcome        text NOT NULL CHECK (outcome IN ('SIGNED_IN', 'FAILED', 'THROTTLED', 'UNREACHABLE', 'SIGNED_OUT'))
);
CREATE INDEX sign_in_at ON sign_in (at DESC);
CREATE INDEX sign_in_login_at ON sign_in (login, at DESC);
