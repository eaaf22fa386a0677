-- Money taken at a provider's cashier desk, and every undoing of a payment. The money itself stays in
-- billing.payments and the ledger (payment_system is the channel: 'cash' or 'card_terminal' here);
-- these rows add what the desk and the corrections need to know, never an edit of the money.

-- A desk payment: the receipt number the cashier gives is unique per provider, whatever the channel.
create table desk_payments (
    payment_id      bigint primary key references payments (id),
    provider_id     bigint not null references providers (id),
    receipt_number  text   not null,
    channel         text   not null check (channel in ('cash', 'card_terminal')),
    cashier_user_id bigint not null,
    unique (provider_id, receipt_number)
);

-- A payment is undone at most once (the unique key is the last guard against two concurrent
-- corrections): cancelled at the desk the same day, moved to the right account, or refunded.
-- A move links the reversal on the wrong account to the new payment on the right one.
create table payment_corrections (
    id                bigint generated always as identity primary key,
    payment_id        bigint      not null unique references payments (id),
    kind              text        not null check (kind in ('CANCEL', 'MOVE', 'REFUND')),
    reason            text        not null,
    actor_user_id     bigint,
    at                timestamptz not null,
    reversal_entry_id bigint      not null references ledger_entries (id),
    new_payment_id    bigint      references payments (id),
    check ((kind = 'MOVE') = (new_payment_id is not null))
);

-- Collections are the entries of payments: a partial index, so the bill runs' COPY of charges (no
-- payment) pays nothing for it. The other reports scan the ledger (an index on effective_at would
-- slow every bill run's COPY).
create index ledger_entries_payment on ledger_entries (payment_id) where payment_id is not null;
