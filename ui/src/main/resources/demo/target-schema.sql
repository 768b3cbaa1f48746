-- The demo target database: a small invoicing application whose logic lives in PostgreSQL.
-- Runs as planetary_ddl, so that role owns (and may change) every object here.
CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'Invoicing: customers, invoices, and the functions around them';

CREATE TABLE app.customer (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id text NOT NULL,
    name      text NOT NULL,
    email     text NOT NULL
);
COMMENT ON TABLE app.customer IS 'Customers of every tenant';

CREATE TABLE app.invoice (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id      text          NOT NULL,
    customer_id    bigint        NOT NULL REFERENCES app.customer (id),
    customer_email text          NOT NULL,
    card_number    text,
    amount         numeric(12,2) NOT NULL CHECK (amount >= 0),
    status         text          NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'paid', 'void')),
    updated_at     timestamptz   NOT NULL DEFAULT now()
);
COMMENT ON TABLE app.invoice IS 'Invoices; card numbers must never leave through a view unmasked';
CREATE INDEX invoice_tenant_idx ON app.invoice (tenant_id, status);

CREATE FUNCTION app.touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION app.touch_updated_at() IS 'Trigger function: stamps updated_at on every change';

CREATE FUNCTION app.invoice_total(p_tenant text) RETURNS numeric
    LANGUAGE sql STABLE AS $$
    SELECT coalesce(sum(amount), 0) FROM app.invoice WHERE tenant_id = p_tenant
$$;

CREATE VIEW app.open_invoices AS
    SELECT id, tenant_id, customer_id, amount FROM app.invoice WHERE status = 'open';

INSERT INTO app.customer (tenant_id, name, email) VALUES
    ('acme', 'Wile E. Coyote', 'wile@acme.test'),
    ('acme', 'Road Runner', 'meep@acme.test'),
    ('globex', 'Hank Scorpio', 'hank@globex.test');

INSERT INTO app.invoice (tenant_id, customer_id, customer_email, card_number, amount, status) VALUES
    ('acme', 1, 'wile@acme.test', '4111111111111111', 120.00, 'open'),
    ('acme', 2, 'meep@acme.test', '5500000000000004', 35.50, 'paid'),
    ('globex', 3, 'hank@globex.test', '340000000000009', 990.00, 'open');

-- What the billing warehouse receives by logical replication: new invoices that are not void, without card numbers
-- or e-mail addresses (a publication works with any wal_level; a subscription needs wal_level = logical here).
CREATE PUBLICATION billing_out FOR TABLE app.invoice (id, tenant_id, customer_id, amount, status, updated_at)
    WHERE (status <> 'void') WITH (publish = 'insert');
