-- Meter credentials (issue #13): a meter's MQTT secret, stored only as a hash in Mosquitto's own
-- PBKDF2-SHA512 format ($7$...), so the same row serves the embedded broker and a Mosquitto password
-- file. No row: the meter has no secret (keyless unless it has a DTLS psk). Revoking deletes the row.
create table meter_credentials (
    serial      text        primary key references meters (serial) on delete cascade,
    secret_hash text        not null check (secret_hash like '$7$%'),
    issued_at   timestamptz not null default now()
);

-- Meters flagged by a door (too many malformed messages, a pack for another meter), for operators.
create table meter_flags (
    id         bigint generated always as identity primary key,
    serial     text        not null,
    reason     text        not null,
    flagged_at timestamptz not null default now()
);
create index meter_flags_serial on meter_flags (serial, flagged_at);
