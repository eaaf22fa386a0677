-- A household's widgets are served from a cache that is checked against the database on every
-- request (AccountOverviews). The check used to recompute a stamp from the rows themselves: seven
-- subqueries an account, about 26 buffers, most of the database's work per answer. Now the writers
-- keep the stamp, here, by statement-level triggers on every table an overview reads (so no writer
-- can forget it): a statement that touches a few accounts bumps each one's version; a bulk
-- statement (a bill run's COPY, a bank's payment file, a registry load) bumps one epoch instead,
-- which every stamp includes: one row updated rather than a million, and every cached overview read
-- again afterwards (a bill run is monthly). The accounts' and providers' own rows are in the stamp
-- by their versions (xmin), so they need no trigger.

create table overview_versions (
    account_id bigint primary key,
    version    bigint not null
);

-- The epoch is spread over slots (by backend) so that two bulk writers running at once, such as a
-- bill run's shard writers, do not wait for each other's commit on one row; a stamp has their sum.
create table overview_epochs (
    slot  int primary key,
    epoch bigint not null
);
insert into overview_epochs (slot, epoch) select s, 0 from generate_series(0, 15) s;

create function billing_overview_changed() returns trigger language plpgsql as $$
begin
    if exists (select from changed offset 1000) then
        update billing.overview_epochs set epoch = epoch + 1 where slot = pg_backend_pid() % 16;
    else
        -- in account order: two writers bumping the same accounts take their locks in one order
        insert into billing.overview_versions as v (account_id, version)
        select distinct account_id, 1 from changed order by account_id
        on conflict (account_id) do update set version = v.version + 1;
    end if;
    return null;
end $$;

create trigger ledger_entries_overview after insert on ledger_entries
    referencing new table as changed for each statement execute function billing_overview_changed();

create trigger invoices_overview_insert after insert on invoices
    referencing new table as changed for each statement execute function billing_overview_changed();
create trigger invoices_overview_update after update on invoices
    referencing new table as changed for each statement execute function billing_overview_changed();
create trigger invoices_overview_delete after delete on invoices
    referencing old table as changed for each statement execute function billing_overview_changed();

create trigger payments_overview_insert after insert on payments
    referencing new table as changed for each statement execute function billing_overview_changed();
create trigger payments_overview_update after update on payments
    referencing new table as changed for each statement execute function billing_overview_changed();
create trigger payments_overview_delete after delete on payments
    referencing old table as changed for each statement execute function billing_overview_changed();

-- an update cannot move these rows to another account (*_keep_their_account): the new rows name
-- every account touched
create trigger household_facts_overview_insert after insert on household_facts
    referencing new table as changed for each statement execute function billing_overview_changed();
create trigger household_facts_overview_update after update on household_facts
    referencing new table as changed for each statement execute function billing_overview_changed();
create trigger household_facts_overview_delete after delete on household_facts
    referencing old table as changed for each statement execute function billing_overview_changed();

create trigger account_services_overview_insert after insert on account_services
    referencing new table as changed for each statement execute function billing_overview_changed();
create trigger account_services_overview_update after update on account_services
    referencing new table as changed for each statement execute function billing_overview_changed();
create trigger account_services_overview_delete after delete on account_services
    referencing old table as changed for each statement execute function billing_overview_changed();

create trigger account_meters_overview_insert after insert on account_meters
    referencing new table as changed for each statement execute function billing_overview_changed();
create trigger account_meters_overview_update after update on account_meters
    referencing new table as changed for each statement execute function billing_overview_changed();
create trigger account_meters_overview_delete after delete on account_meters
    referencing old table as changed for each statement execute function billing_overview_changed();
