-- A bill run writes a ledger entry or two per invoice by COPY (about 1.08 million for a million
-- accounts). Their two foreign keys (to the account, and to the entry a reversal reverses) each
-- cost a trigger and an index probe per row: in psql on this (busy) machine, a million rows into a
-- table of the same shape took 10.7 s with both keys, 1.5 s without, and 2.9 s with the same
-- references checked once per statement, as below (docs/benchmarks.md, session 6). The ledger is
-- where the money is, so the references stay checked: once per statement, set-based, over the
-- statement's new rows (the registry's way, V20261205225000). A reference checked at insert stays
-- true: accounts are never deleted and keep their id (identity), and ledger entries are
-- append-only (no update, no delete: ledger_entries_append_only).
alter table ledger_entries drop constraint ledger_entries_account_id_fkey;
alter table ledger_entries drop constraint ledger_entries_reverses_id_fkey;

create function billing_new_ledger_entries_reference() returns trigger language plpgsql as $$
declare
    missing bigint;
begin
    select n.account_id into missing from new_rows n
    where not exists (select 1 from billing.accounts a where a.id = n.account_id) limit 1;
    if found then
        raise foreign_key_violation using message = format('billing.ledger_entries: no account %s', missing);
    end if;
    select n.reverses_id into missing from new_rows n
    where n.reverses_id is not null
      and not exists (select 1 from billing.ledger_entries e where e.id = n.reverses_id) limit 1;
    if found then
        raise foreign_key_violation using message = format('billing.ledger_entries: no entry %s to reverse', missing);
    end if;
    return null;
end $$;

create trigger ledger_entries_reference after insert on ledger_entries
    referencing new table as new_rows for each statement execute function billing_new_ledger_entries_reference();
