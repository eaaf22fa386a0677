-- The customer registry: accounts are closed (never deleted), holders and addresses keep their
-- history, facts say how the home is heated.
alter table accounts add column closed_on date;

-- Holder and address valid from a day until the next row; accounts.holder_name/address hold the latest.
create table account_holders (
    account_id  bigint not null references accounts (id),
    valid_from  date   not null,
    holder_name text,
    address     text,
    primary key (account_id, valid_from)
);
insert into account_holders (account_id, valid_from, holder_name, address)
select id, opened_on, holder_name, address from accounts;

-- central, gas_boiler, electric, solid_fuel, none; null: not known
alter table household_facts add column heating_type text;
