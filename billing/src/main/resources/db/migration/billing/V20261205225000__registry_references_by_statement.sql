-- A registry import writes a million accounts and, per account, a holder, facts, services and a
-- meter link: five foreign-key checks per account, each a trigger and an index probe that also
-- locks the account row (about 3 s per million rows each, most of the import's time). The same
-- references are now checked once per statement, set-based, over the statement's new rows (one
-- join however many rows); accounts and providers are never deleted (refused below), and an
-- account id is never changed (identity), so a reference checked at insert stays true.
alter table accounts drop constraint accounts_provider_id_fkey;
alter table account_holders drop constraint account_holders_account_id_fkey;
alter table household_facts drop constraint household_facts_account_id_fkey;
alter table account_services drop constraint account_services_account_id_fkey;
alter table account_meters drop constraint account_meters_account_id_fkey;

create function billing_new_rows_reference_accounts() returns trigger language plpgsql as $$
declare
    missing bigint;
begin
    select n.account_id into missing from new_rows n
    where not exists (select 1 from billing.accounts a where a.id = n.account_id) limit 1;
    if found then
        raise foreign_key_violation using message = format('billing.%s: no account %s', tg_table_name, missing);
    end if;
    return null;
end $$;

create function billing_new_accounts_reference_providers() returns trigger language plpgsql as $$
declare
    missing bigint;
begin
    select n.provider_id into missing from new_rows n
    where not exists (select 1 from billing.providers p where p.id = n.provider_id) limit 1;
    if found then
        raise foreign_key_violation using message = format('billing.accounts: no provider %s', missing);
    end if;
    return null;
end $$;

create function billing_references_are_fixed() returns trigger language plpgsql as $$
begin
    raise exception 'billing.%: a row keeps the account (or provider) it was written for', tg_table_name;
end $$;

create trigger accounts_reference_providers after insert on accounts
    referencing new table as new_rows for each statement execute function billing_new_accounts_reference_providers();
create trigger accounts_keep_their_provider before update of provider_id on accounts
    for each row when (old.provider_id is distinct from new.provider_id) execute function billing_references_are_fixed();
create trigger providers_are_kept before delete on providers for each row execute function billing_rows_are_kept();

create trigger account_holders_reference_accounts after insert on account_holders
    referencing new table as new_rows for each statement execute function billing_new_rows_reference_accounts();
create trigger household_facts_reference_accounts after insert on household_facts
    referencing new table as new_rows for each statement execute function billing_new_rows_reference_accounts();
create trigger account_services_reference_accounts after insert on account_services
    referencing new table as new_rows for each statement execute function billing_new_rows_reference_accounts();
create trigger account_meters_reference_accounts after insert on account_meters
    referencing new table as new_rows for each statement execute function billing_new_rows_reference_accounts();

create trigger account_holders_keep_their_account before update of account_id on account_holders
    for each row when (old.account_id is distinct from new.account_id) execute function billing_references_are_fixed();
create trigger household_facts_keep_their_account before update of account_id on household_facts
    for each row when (old.account_id is distinct from new.account_id) execute function billing_references_are_fixed();
create trigger account_services_keep_their_account before update of account_id on account_services
    for each row when (old.account_id is distinct from new.account_id) execute function billing_references_are_fixed();
create trigger account_meters_keep_their_account before update of account_id on account_meters
    for each row when (old.account_id is distinct from new.account_id) execute function billing_references_are_fixed();

-- An import draws a new account's id for each row of the file: a session takes 1 000 at a time
-- instead of touching the sequence (and its WAL) for each.
alter table accounts alter column id set cache 1000;
