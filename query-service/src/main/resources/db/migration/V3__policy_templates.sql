-- Not a projection: row-policy templates people save for reuse. {column} in an expression is
-- replaced by the quoted column chosen when the template is used.
CREATE TABLE policy_template (
    name        text PRIMARY KEY,
    description text        NOT NULL DEFAULT '',
    command     text        NOT NULL,
    mode        text        NOT NULL,
    using_sql   text,
    check_sql   text,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (using_sql IS NOT NULL OR check_sql IS NOT NULL)
);
