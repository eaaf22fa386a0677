-- Consumption norms: what a household without a meter is assessed per resident per month, per
-- utility and region, with validity dates (as the tariffs). Used where the unmetered price is per
-- unit (e.g. Tashkent region water: the metered price x 1.5 on the assessed volume). No figures
-- are shipped: none is published here; an operator records them. Until then such accounts are
-- listed on their run with the reason NO_NORM, never priced at another tariff.
create table consumption_norms (
    utility      text    not null,
    region       text    not null,
    valid_from   date    not null,
    valid_to     date,
    per_resident numeric not null check (per_resident >= 0),
    note         text,
    primary key (utility, region, valid_from),
    check (valid_to is null or valid_to > valid_from)
);

-- Why an account was not billed, as a code operators can filter on (the message says the rest).
alter table run_failures add column reason text not null default 'OTHER';
