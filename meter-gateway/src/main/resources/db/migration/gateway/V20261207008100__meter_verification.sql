-- Issue 16 item 3: meter verification (поверка). Each meter type (utility) is verified every so many
-- months; each verification an operator records is kept. A meter never verified here counts from
-- the day it was installed (it leaves the factory verified).
create table verification_intervals (
    utility           text primary key check (utility in ('electricity', 'gas', 'cold_water', 'hot_water', 'heat')),
    months            int  not null check (months between 1 and 360),
    -- how many days before the due date the household is told (SMS and a notice on its page)
    notice_days_before int not null default 30 check (notice_days_before between 0 and 365)
);
insert into verification_intervals (utility, months) values
    ('electricity', 192), ('gas', 60), ('cold_water', 72), ('hot_water', 48), ('heat', 48);

create table meter_verifications (
    id          bigint generated always as identity primary key,
    meter_id    bigint      not null references meters (id),
    verified_on date        not null,
    recorded_by text        not null,
    recorded_at timestamptz not null
);
create index meter_verifications_meter on meter_verifications (meter_id, verified_on desc);
