-- Modbus TCP meters the gateway polls, and the leases that share them among gateway instances.

create table modbus_endpoints (
    meter_id         bigint      primary key references meters (id),
    host             text        not null,
    port             int         not null check (port between 1 and 65535),
    unit_id          int         not null check (unit_id between 0 and 255),
    register_map     text        not null,
    interval_seconds int         not null check (interval_seconds between 1 and 86400),
    -- The gateway instance polling this meter, until lease_until (database time); an expired or
    -- empty lease may be taken by any instance (select ... for update skip locked).
    lease_owner      text,
    lease_until      timestamptz,
    status           text        not null default 'offline' check (status in ('online', 'offline')),
    status_since     timestamptz not null default now(),
    last_success     timestamptz,
    last_error       text
);
create index modbus_endpoints_lease on modbus_endpoints (lease_until);
create index modbus_endpoints_owner on modbus_endpoints (lease_owner);

-- Gateway instances that poll, with a heartbeat: each takes a fair share of the meters.
create table modbus_pollers (
    owner       text        primary key,
    alive_until timestamptz not null
);
