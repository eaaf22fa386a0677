-- Sign-in by OneID, the national single sign-on (OpenID Connect). Someone OneID signs in without
-- a verified phone has none here.
alter table users alter column phone drop not null;

-- The OneID account behind a user. A subject is unique only at its issuer; a user has at most one
-- identity per issuer.
create table linked_identities (
    issuer    text not null,
    subject   text not null,
    user_id   bigint not null references users (id),
    linked_at timestamptz not null,
    primary key (issuer, subject),
    unique (issuer, user_id)
);

-- Sign-ins sent to OneID and not yet back. The state is kept as a digest; the browser that started
-- the sign-in is bound by a digest of its cookie. A used row stays until it expires, so a replayed
-- callback is told apart from an unknown one.
create table oneid_logins (
    state_hash    text primary key,
    browser_hash  text not null,
    nonce         text not null,
    code_verifier text not null,
    created_at    timestamptz not null,
    expires_at    timestamptz not null,
    used_at       timestamptz
);
create index oneid_logins_expiry on oneid_logins (expires_at);

-- One-time codes that hand a finished OneID sign-in to the web page in the same browser, which
-- trades one for a session. Kept as digests; a code lives two minutes.
create table oneid_handoffs (
    code_hash    text primary key,
    browser_hash text not null,
    user_id      bigint not null references users (id),
    expires_at   timestamptz not null
);
create index oneid_handoffs_expiry on oneid_handoffs (expires_at);
