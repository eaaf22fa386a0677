-- The ledger: append-only. A balance is the sum of an account's entries; "+" prepayment, "-" debt,
-- so charges are negative and payments positive.
create table ledger_entries (
    id           bigint generated always as identity primary key,
    account_id   bigint      not null references accounts (id),
    kind         text        not null check (kind in ('CHARGE', 'PAYMENT', 'SUBSIDY', 'CORRECTION', 'REVERSAL')),
    amount_tiyin bigint      not null,
    effective_at timestamptz not null,
    recorded_at  timestamptz not null,
    invoice_id   bigint,
    payment_id   bigint,
    reverses_id  bigint references ledger_entries (id),
    description  text        not null
);
create index ledger_entries_account on ledger_entries (account_id, effective_at) include (amount_tiyin);

-- Entries are never changed or removed: a mistake is undone by a reversal entry.
create function ledger_entries_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'billing.ledger_entries is append-only (% refused)', tg_op;
end $$;
create trigger ledger_entries_append_only before update or delete on ledger_entries
    for each row execute function ledger_entries_append_only();

-- A payment is keyed by the payment system's transaction id: a repeat finds this row, never a second.
create table payments (
    id              bigint generated always as identity primary key,
    payment_system  text        not null,
    transaction_id  text        not null,
    account_id      bigint      not null references accounts (id),
    amount_tiyin    bigint      not null check (amount_tiyin > 0),
    paid_at         timestamptz not null,
    -- set in the same transaction, once the ledger entry exists
    entry_id        bigint      references ledger_entries (id),
    cancelled_at    timestamptz,
    cancel_reason   text,
    reversal_id     bigint references ledger_entries (id),
    unique (payment_system, transaction_id)
);
