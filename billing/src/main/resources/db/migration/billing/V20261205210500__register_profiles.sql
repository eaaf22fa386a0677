-- How billing reads each register (OBIS code): the resolution its display shows (boundary values
-- are billed at it, so a line's quantity is the exact difference of two printed readings) and how
-- far a trusted reading may lie from a period boundary for the boundary still to count as read
-- (by default the meters' reporting interval; farther means estimated). Operators change rows.
create table register_profiles (
    register      text     primary key,
    resolution    numeric  not null check (resolution > 0),
    read_tolerance interval not null check (read_tolerance >= interval '0'),
    description   text
);

insert into register_profiles (register, resolution, read_tolerance, description) values
    ('1-0:1.8.0', 0.1,   interval '3 hours', 'active energy, kWh'),
    ('7-0:3.0.0', 0.001, interval '3 hours', 'gas volume, m3'),
    ('8-0:1.0.0', 0.001, interval '3 hours', 'cold water volume, m3'),
    ('9-0:1.0.0', 0.001, interval '3 hours', 'hot water volume, m3'),
    ('6-0:1.0.0', 0.001, interval '3 hours', 'heat energy, Gcal');

-- Boundary values as billed, stored once: the closing value of one period is the opening value of
-- the next, even when a reading arrives later near the boundary. Only values that count as read are
-- kept; an estimated one is computed again (and corrected) when readings arrive.
create table boundary_values (
    meter_id  bigint      not null,
    register  text        not null,
    at        timestamptz not null,
    value     numeric     not null,
    billed_at timestamptz not null,
    primary key (meter_id, register, at)
);
