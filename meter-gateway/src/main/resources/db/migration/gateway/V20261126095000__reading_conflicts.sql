-- A second, different value for a (meter, register, time) already stored: the first is kept in
-- readings, the other is kept here with where it came from. Nothing is dropped silently.
create table reading_conflicts (
    id             bigint generated always as identity primary key,
    meter_id       bigint        not null references meters (id),
    register       text          not null,
    ts             timestamptz   not null,
    kept_value     numeric(20,6) not null,
    rejected_value numeric(20,6) not null,
    received_at    timestamptz   not null,
    source         text          not null
);
create index reading_conflicts_meter on reading_conflicts (meter_id, register, ts);
