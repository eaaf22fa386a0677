-- Issue 22 item 1: the ingest writers keep meters' verification due dates in memory and read only this
-- one-row counter per batch. Every change that can move a meter's due date (a verification recorded,
-- an interval changed, a meter's type, installation or replacement changed, a meter deleted) bumps it
-- in the same transaction, whichever process makes the change, so a writer that sees the same version
-- knows its dates are what the database would answer. New meters need no bump: their ids are new.
create table verification_stamp (
    only_row boolean primary key default true check (only_row),
    version  bigint  not null
);
insert into verification_stamp (version) values (1);

create function bump_verification_stamp() returns trigger language plpgsql as $$
begin
    update gateway.verification_stamp set version = version + 1;
    return null;
end $$;

create trigger verification_stamp after insert or update or delete or truncate on meter_verifications
    for each statement execute function bump_verification_stamp();
create trigger verification_stamp after insert or update or delete or truncate on verification_intervals
    for each statement execute function bump_verification_stamp();
-- per row and only on a real change: registering a meter again (insert ... on conflict do update, which sets
-- utility to the same value) must not bump it, nor lock the one row against other registrations
create trigger verification_stamp_changed after update on meters for each row
    when (old.utility is distinct from new.utility or old.installed_at is distinct from new.installed_at
          or old.replaced_at is distinct from new.replaced_at)
    execute function bump_verification_stamp();
create trigger verification_stamp after delete or truncate on meters
    for each statement execute function bump_verification_stamp();
