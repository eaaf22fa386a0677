-- SMS limits (issue 14): a global budget per hour with a share only sign-in codes may use, sign-in
-- sends counted per network as well, and the phones a person proved they hold (appeal notices go
-- only there).

-- SMS taken from each hour's budget; one row an hour, counted up by a single UPDATE so that
-- parallel senders cannot pass the budget together.
create table sms_budget (
    hour    timestamptz primary key,
    sign_in int not null default 0,
    other   int not null default 0
);

-- the sender's network (/24 or /48): a caller holding a whole block is counted once
alter table otp_sends add column network text;
create index otp_sends_network on otp_sends (network, sent_at);

-- Phones a person confirmed with a code, besides the one they sign in with.
create table verified_phones (
    user_id     bigint not null references users (id),
    phone       text not null,
    verified_at timestamptz not null,
    primary key (user_id, phone)
);

-- A code sent to confirm a phone, kept as an HMAC like sign-in codes.
create table phone_checks (
    user_id    bigint not null references users (id),
    phone      text not null,
    code_hash  text not null,
    expires_at timestamptz not null,
    attempts   int not null default 0,
    primary key (user_id, phone)
);

-- Every confirmation code sent, for the per-person, per-address and per-phone limits.
create table phone_check_sends (
    id             bigint generated always as identity primary key,
    user_id        bigint not null,
    phone          text not null,
    client_address text not null,
    sent_at        timestamptz not null
);
create index phone_check_sends_user on phone_check_sends (user_id, sent_at);
create index phone_check_sends_phone on phone_check_sends (phone, sent_at);
create index phone_check_sends_address on phone_check_sends (client_address, sent_at);
