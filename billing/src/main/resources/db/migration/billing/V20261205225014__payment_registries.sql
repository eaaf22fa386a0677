-- Banks' and post offices' payment registries (docs/payment-registries.md): every file imported,
-- and every payment row taken from one, keyed by (bank, the bank's transaction id) so the same row
-- never credits twice, whichever file or channel it comes in again.
create table payment_registries (
    id             bigint generated always as identity primary key,
    -- 'bank' or 'post': billing.payments.payment_system of the payments it credits
    channel        text        not null check (channel in ('bank', 'post')),
    file_name      text        not null,
    file_sha256    text        not null,
    imported_at    timestamptz not null,
    imported_by    text,
    -- the file's own control total (its TOTAL line)
    control_rows   bigint      not null,
    control_tiyin  bigint      not null,
    rows           bigint      not null,
    credited       bigint      not null,
    credited_tiyin bigint      not null,
    set_aside      bigint      not null,
    set_aside_tiyin bigint     not null,
    repeated       bigint      not null,
    refused        bigint      not null
);

-- A registry's rows are written only by its import, in the same transaction as its
-- payment_registries row, with providers resolved from billing.providers: the references hold by
-- construction, and a per-row foreign-key check would cost a million index probes a file.
create table registry_payments (
    id              bigint generated always as identity primary key,
    registry_id     bigint      not null,
    line            bigint      not null,
    bank            text        not null,
    transaction_id  text        not null,
    branch          text        not null,
    channel         text        not null,
    paid_at         timestamptz not null,
    account_number  text        not null,
    provider_id     bigint      not null,
    amount_tiyin    bigint      not null check (amount_tiyin > 0),
    -- CREDITED (payment_id set), SET_ASIDE (waits for an operator), REJECTED (sent back to the bank)
    state           text        not null check (state in ('CREDITED', 'SET_ASIDE', 'REJECTED')),
    -- why it was set aside: UNKNOWN_ACCOUNT, CLOSED_ACCOUNT
    set_aside_reason text,
    account_id      bigint,
    -- billing.payments(id): written with it in one transaction, so no per-row foreign-key check
    payment_id      bigint,
    decided_at      timestamptz,
    decided_by      text,
    note            text,
    unique (bank, transaction_id)
);
create index registry_payments_waiting on registry_payments (provider_id, id) where state = 'SET_ASIDE';
create index registry_payments_paid on registry_payments (paid_at);

-- Reconciliation: each payment system's statement against the ledger, one row per difference
-- found, kept until an operator resolves it (or a later run no longer finds it).
create table reconciliation_runs (
    id          bigint generated always as identity primary key,
    day         date        not null,
    started_at  timestamptz not null,
    finished_at timestamptz,
    started_by  text,
    found       int
);

create table reconciliation_differences (
    id           bigint generated always as identity primary key,
    run_id       bigint      not null references reconciliation_runs (id),
    day          date        not null,
    -- payme, click, or a registry channel (bank, post)
    source       text        not null,
    -- the payment system's key: Payme's/Click's transaction id, or BANK:transaction id
    reference    text        not null,
    kind         text        not null check (kind in ('MISSING_ON_OUR_SIDE', 'MISSING_ON_THEIR_SIDE', 'AMOUNT_DIFFERS')),
    their_tiyin  bigint,
    our_tiyin    bigint,
    account_id   bigint,
    provider_id  bigint,
    found_at     timestamptz not null,
    resolved_at  timestamptz,
    resolved_by  text,
    note         text
);
-- a difference found again by a later run is the same open row, not a second one
create unique index reconciliation_differences_open on reconciliation_differences (source, reference, kind)
    where resolved_at is null;
create index reconciliation_differences_day on reconciliation_differences (day, source);
