-- One outbox for SMS and e-mail. A dispatcher claims due rows (for update skip locked), hands
-- each to its channel's delivery adapter and marks it in the same transaction; the idempotency
-- key goes to the gateway so a send repeated after a crash is recognised there.
create table outbox (
    id              bigint generated always as identity primary key,
    idempotency_key text not null unique,
    channel         text not null check (channel in ('SMS', 'EMAIL')),
    recipient       text not null,
    subject         text,
    body            text not null,
    -- a body with a secret (a sign-in code) is blanked once sent, failed or expired
    sensitive       boolean not null default false,
    -- PENDING, SENT, FAILED (rejected or out of attempts), EXPIRED (useless after expires_at)
    status          text not null default 'PENDING',
    attempts        int not null default 0,
    next_attempt_at timestamptz not null,
    expires_at      timestamptz,
    last_error      text,
    created_at      timestamptz not null,
    sent_at         timestamptz
);
create index outbox_due on outbox (next_attempt_at) where status = 'PENDING';
