-- People who sign in, their one-time codes, the sends behind the rate limits, refresh tokens, and
-- the personal accounts a household linked. Billing's accounts are referred to by id only: the
-- billing module owns them.

create table users (
    id          bigint generated always as identity primary key,
    phone       text not null unique,
    -- HOUSEHOLD, OPERATOR (of provider_id), COMPLAINTS_OFFICER, ADMINISTRATOR
    role        text not null default 'HOUSEHOLD',
    provider_id bigint,
    name        text,
    email       text,
    address     text,
    region      text,
    district    text,
    created_at  timestamptz not null,
    check (role <> 'OPERATOR' or provider_id is not null)
);

-- At most one live code per phone: a new send replaces it. Only a keyed hash is stored.
create table otp_codes (
    phone      text primary key,
    code_hash  text not null,
    expires_at timestamptz not null,
    attempts   int not null default 0,
    issued_at  timestamptz not null
);

-- Every code sent, for the per-phone and per-address rate limits (kept a day).
create table otp_sends (
    id             bigint generated always as identity primary key,
    phone          text not null,
    client_address text not null,
    sent_at        timestamptz not null
);
create index otp_sends_phone on otp_sends (phone, sent_at);
create index otp_sends_address on otp_sends (client_address, sent_at);

-- Refresh tokens, hashed; rotated on use. A used token shown again revokes its whole family.
create table refresh_tokens (
    id          bigint generated always as identity primary key,
    user_id     bigint not null references users (id),
    token_hash  text not null unique,
    family      uuid not null,
    issued_at   timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    revoked_at  timestamptz
);
create index refresh_tokens_family on refresh_tokens (family);

create table linked_accounts (
    user_id    bigint not null references users (id),
    account_id bigint not null,
    linked_at  timestamptz not null,
    primary key (user_id, account_id)
);
create index linked_accounts_account on linked_accounts (account_id);
