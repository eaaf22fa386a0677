-- A payment system's transaction as the merchant protocols see it (Payme's CreateTransaction,
-- Click's prepare), before and after it becomes a payment. The money itself is only ever in
-- billing.payments and the ledger; this row and its events commit in the same transaction as them.
create table payment_transactions (
    -- our id of the transaction: Payme's "transaction", Click's merchant_prepare_id
    id              bigint generated always as identity primary key,
    payment_system  text        not null,
    external_id     text        not null,
    account_id      bigint      not null references accounts (id),
    -- the number as the payment system sent it (answered back as sent)
    account_number  text        not null,
    amount_tiyin    bigint      not null check (amount_tiyin > 0),
    -- the payment system's own creation time (Payme's "time"): its 12-hour timeout counts from it
    external_time   timestamptz not null,
    -- 1 created, 2 performed, -1 cancelled before perform, -2 cancelled after perform (Payme's states)
    state           smallint    not null check (state in (1, 2, -1, -2)),
    create_time     timestamptz not null,
    perform_time    timestamptz,
    cancel_time     timestamptz,
    reason          int,
    unique (payment_system, external_id)
);
create index payment_transactions_time on payment_transactions (payment_system, external_time);
-- Payme: an account has at most one transaction waiting to be performed (its "one-time order")
create unique index payment_transactions_one_pending on payment_transactions (account_id)
    where state = 1 and payment_system = 'payme';

-- Every state change with the raw request that caused it, for operators and disputes.
create table payment_transaction_events (
    id              bigint generated always as identity primary key,
    transaction_id  bigint      not null references payment_transactions (id),
    at              timestamptz not null,
    from_state      smallint,
    to_state        smallint    not null,
    reason          int,
    raw_request     text        not null
);
create index payment_transaction_events_tx on payment_transaction_events (transaction_id, id);
