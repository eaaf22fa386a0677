-- Every change an operator or administrator makes: who, when, what, and the state before and after.
-- Append-only: nothing updates or deletes rows here.
CREATE TABLE api.audit_log (
    id            bigserial PRIMARY KEY,
    at            timestamptz NOT NULL,
    actor_user_id bigint,               -- null for the system itself (e.g. an import from the command line)
    actor_role    text NOT NULL,
    action        text NOT NULL,        -- e.g. 'meter.register', 'account.link.failed'
    target        text NOT NULL,        -- what was acted on, e.g. 'meter:E1000001', 'account:1000001'
    before        jsonb,
    after         jsonb,
    address       text                  -- the caller's network address, when known
);
CREATE INDEX audit_log_at ON api.audit_log (at DESC);
CREATE INDEX audit_log_target ON api.audit_log (target, at DESC);
CREATE INDEX audit_log_actor ON api.audit_log (actor_user_id, at DESC);
