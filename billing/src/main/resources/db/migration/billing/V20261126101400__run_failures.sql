-- Accounts a shard could not bill (no household facts, no tariff for them): listed for operators,
-- billed by the next run once fixed. The shard itself completes.
create table run_failures (
    run_id     bigint not null references bill_runs (id),
    account_id bigint not null references accounts (id),
    message    text   not null,
    primary key (run_id, account_id)
);
