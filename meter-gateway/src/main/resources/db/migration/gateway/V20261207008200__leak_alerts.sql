-- Issue 16 item 5: leak alerts. Thresholds per meter type are data. A water or gas meter whose hourly
-- flow stays above min_hourly_flow for continuous_hours hours in a row, or whose last day's use is
-- over jump_factor times its own daily average of the history_days before (and over min_day_use),
-- raises an alert; one open alert per meter and kind is an episode, closed when the flow stops.
create table leak_thresholds (
    utility          text    primary key check (utility in ('gas', 'cold_water', 'hot_water')),
    -- null: no continuous-flow rule (gas heats homes all winter long: only its jump rule)
    continuous_hours int     check (continuous_hours between 2 and 720),
    -- an hour at or below this (register units) counts as no flow: meters tick in whole litres
    min_hourly_flow  numeric not null check (min_hourly_flow >= 0),
    jump_factor      numeric not null check (jump_factor > 1),
    history_days     int     not null check (history_days between 1 and 90),
    min_day_use      numeric not null check (min_day_use >= 0)
);
insert into leak_thresholds (utility, continuous_hours, min_hourly_flow, jump_factor, history_days, min_day_use) values
    ('cold_water', 24, 0.005, 4, 14, 0.5),
    ('hot_water',  24, 0.003, 4, 14, 0.3),
    ('gas',        null, 0.02, 4, 14, 3);

create table leak_alerts (
    id          bigint generated always as identity primary key,
    meter_id    bigint      not null references meters (id),
    kind        text        not null check (kind in ('CONTINUOUS_FLOW', 'JUMP')),
    started_at  timestamptz not null,
    detected_at timestamptz not null,
    cleared_at  timestamptz,
    detail      text        not null
);
-- one open episode per meter and kind, however many scans run at once
create unique index leak_alerts_open on leak_alerts (meter_id, kind) where cleared_at is null;
