-- Linking an account needs the link code printed on its receipts and payment slips. The code is
-- derived from the server secret, the account and its generation; reissuing one (a household lost
-- its receipt, or the code leaked) moves the generation on, which voids every code printed before.
create table account_link_codes (
    account_id  bigint primary key,
    generation  integer not null check (generation >= 0),
    reissued_at timestamptz not null
);

-- Failed link attempts, counted per person and per address to slow down guessing.
create table link_failures (
    id       bigserial primary key,
    user_id  bigint not null,
    address  text not null,
    at       timestamptz not null
);
create index link_failures_user on link_failures (user_id, at);
create index link_failures_address on link_failures (address, at);
