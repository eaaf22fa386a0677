-- The meter registry, the readings store and the quarantine of what could not be stored.

create table meters (
    id              bigint generated always as identity primary key,
    serial          text        not null unique,
    utility         text        not null,
    protocol        text        not null check (protocol in ('mqtt', 'coap', 'modbus')),
    account_number  text,
    register_digits int         not null default 8 check (register_digits between 4 and 12),
    multiplier      numeric     not null default 1 check (multiplier > 0),
    psk             text,
    installed_at    timestamptz not null default now(),
    replaced_at     timestamptz,
    created_at      timestamptz not null default now()
);

-- One row per register value: a repeat of (meter, register, time) is a no-op, never a second row.
create table readings (
    meter_id    bigint        not null references meters (id),
    register    text          not null,
    ts          timestamptz   not null,
    value       numeric(20,6) not null,
    quality     int           not null default 0,
    received_at timestamptz   not null,
    source      text          not null,
    primary key (meter_id, register, ts)
);

-- Payloads and readings that were not stored, with the reason: nothing is dropped silently.
create table quarantine (
    id          bigint generated always as identity primary key,
    received_at timestamptz not null,
    protocol    text        not null,
    source      text,
    reason      text        not null,
    detail      text        not null,
    payload     bytea
);
create index quarantine_received_at on quarantine (received_at);
