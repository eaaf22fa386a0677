-- Providers, personal accounts, the services billed on them, their meters and household facts.

create table providers (
    id                 bigint generated always as identity primary key,
    code               text not null unique,
    name               text not null,
    -- the account-number family: electricity, gas, hot_water_heating, cold_water, garbage
    account_kind       text not null,
    -- garbage providers number accounts their own way: a regular expression
    account_pattern    text,
    region             text not null,
    district           text,
    director           text,
    phone              text,
    address            text,
    inn                text,
    mfo                text,
    okonh              text,
    settlement_account text
);

create table accounts (
    id          bigint generated always as identity primary key,
    provider_id bigint not null references providers (id),
    number      text   not null,
    holder_name text,
    address     text,
    opened_on   date   not null,
    unique (provider_id, number)
);
create index accounts_number on accounts (number);

-- What a provider bills on an account (a heat company bills hot water and heating on one account).
create table account_services (
    account_id bigint not null references accounts (id),
    utility    text   not null,
    primary key (account_id, utility)
);

-- Meters linked to an account, by the gateway's meter id (resolved from the serial through its API).
create table account_meters (
    account_id   bigint not null references accounts (id),
    meter_id     bigint not null,
    serial       text   not null,
    register     text   not null,
    linked_at    timestamptz not null,
    primary key (account_id, meter_id, register)
);
create index account_meters_meter on account_meters (meter_id);

-- The facts tariffs depend on, with history: the row valid on a day is the latest valid_from <= day.
create table household_facts (
    account_id     bigint  not null references accounts (id),
    valid_from     date    not null,
    residents      int     not null check (residents between 0 and 100),
    heated_area    numeric(10,2) not null default 0 check (heated_area >= 0),
    region         text    not null,
    district       text,
    needy_family   boolean not null default false,
    electric_stove boolean not null default false,
    primary key (account_id, valid_from)
);
