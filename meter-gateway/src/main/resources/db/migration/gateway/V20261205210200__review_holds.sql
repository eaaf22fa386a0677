-- Through which instant billing has billed, or is billing, periods (written by billing through the
-- gateway's ClosedPeriods API, never by reading billing's tables): a reading that lands there
-- afterwards is held for an operator's review instead of being trusted.
create table closed_periods (
    only_row       boolean     primary key default true check (only_row),
    closed_through timestamptz not null,
    updated_at     timestamptz not null default now()
);

-- Operators' decisions on held readings (quality bit 64, HELD): who accepted or rejected what, when.
create table reading_reviews (
    id         bigint generated always as identity primary key,
    meter_id   bigint      not null,
    register   text        not null,
    ts         timestamptz not null,
    decision   text        not null check (decision in ('accepted', 'rejected')),
    reviewer   text        not null,
    decided_at timestamptz not null
);
create index reading_reviews_reading on reading_reviews (meter_id, register, ts);

-- Held readings are few; the operators' list finds them without scanning the readings.
create index readings_held on readings (received_at) where quality & 64 <> 0;
