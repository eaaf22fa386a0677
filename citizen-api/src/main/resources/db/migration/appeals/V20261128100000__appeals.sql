-- Complaints and questions (murojaat): organisations that answer them, the routing table, the
-- appeals, their append-only history, attachments (files kept outside the web root under random
-- names), public holidays for the deadlines, and Open311 API keys. Users are api.users ids.

create table organisations (
    id   bigint generated always as identity primary key,
    code text not null unique,
    name text not null
);

insert into organisations (code, name) values
    ('hududgaztaminot', 'Hududgaztaminot (gas supply)'),
    ('rec', 'Regional electric networks (RES)'),
    ('suvsoz', 'Suvsoz (water supply and sewerage)'),
    ('issiqlik', 'Issiqlik manbai (heating and hot water)'),
    ('maxsustrans', 'Maxsustrans (waste removal)'),
    ('ekommunal', 'E-kommunal billing centre');

-- Which organisation answers a category in a district; district '' is the category's default.
create table routes (
    category        text not null,
    district        text not null default '',
    organisation_id bigint not null references organisations (id),
    primary key (category, district)
);

insert into routes (category, organisation_id)
select c, o.id from (values ('gas', 'hududgaztaminot'), ('electricity', 'rec'), ('cold_water', 'suvsoz'),
    ('hot_water', 'issiqlik'), ('heating', 'issiqlik'), ('garbage', 'maxsustrans'), ('billing', 'ekommunal'))
    as r (c, code) join organisations o on o.code = r.code;

-- The organisation a complaints officer answers for.
create table officers (
    user_id         bigint primary key,
    organisation_id bigint not null references organisations (id)
);

create sequence appeal_numbers;

create table appeals (
    id                bigint generated always as identity primary key,
    number            text not null unique,
    -- the resident (api.users id); null for an Open311 request
    user_id           bigint,
    source            text not null check (source in ('PORTAL', 'OPEN311')),
    status            text not null,
    sphere            text not null,
    category          text not null,
    kind              text not null,
    region            text,
    district          text,
    street            text,
    house             text,
    apartment         text,
    landmark          text,
    phone             text,
    reply_channel     text,
    is_public         boolean not null default false,
    subject           text,
    body              text,
    terms_accepted    boolean not null default false,
    lat               double precision,
    lon               double precision,
    address_string    text,
    media_url         text,
    attributes        text,
    organisation_id   bigint references organisations (id),
    created_at        timestamptz not null,
    sent_at           timestamptz,
    -- when the organisation now holding it received it: the deadline clock starts here
    received_at       timestamptz,
    due_on            date,
    extended          boolean not null default false,
    extension_reason  text,
    reject_reason     text,
    answer            text,
    answered_at       timestamptz,
    updated_at        timestamptz not null
);
create index appeals_user on appeals (user_id, created_at desc);
create index appeals_due on appeals (due_on) where status in ('SENT', 'ACCEPTED', 'FORWARDED');
create index appeals_org on appeals (organisation_id, status);

-- Every change, who and when. Append-only: updates and deletes are refused.
create table history (
    id              bigint generated always as identity primary key,
    appeal_id       bigint not null references appeals (id),
    at              timestamptz not null,
    actor_user_id   bigint,
    actor_role      text not null,
    action          text not null,
    from_status     text,
    to_status       text not null,
    organisation_id bigint,
    note            text
);
create index history_appeal on history (appeal_id, id);

create function history_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'appeals.history is append-only';
end $$;
create trigger history_no_update before update or delete on history
    for each row execute function history_append_only();

create table attachments (
    id            uuid primary key,
    appeal_id     bigint not null references appeals (id),
    -- the file's random name in the attachments directory; never derived from the upload
    stored_name   text not null unique,
    original_name text,
    media_type    text not null,
    size_bytes    bigint not null,
    created_at    timestamptz not null
);
create index attachments_appeal on attachments (appeal_id);

-- Days off besides Saturday and Sunday. The fixed-date holidays are seeded for the years the
-- system will see; movable ones (Ramadan Hayit, Kurban Hayit) and the Cabinet's transferred days
-- off are added by operators each year (PUT /api/v1/admin/holidays/{date}).
create table holidays (
    day  date primary key,
    name text not null
);

insert into holidays (day, name)
select make_date(y, m, d), n
from generate_series(2024, 2035) as y,
     (values (1, 1, 'New Year'), (3, 8, 'Women''s Day'), (3, 21, 'Navruz'), (5, 9, 'Day of Remembrance'),
             (9, 1, 'Independence Day'), (10, 1, 'Teachers'' Day'), (12, 8, 'Constitution Day')) as h (m, d, n);

-- Open311 API keys (SHA-256 hex of the key), besides those in EKOMMUNAL_OPEN311_API_KEYS.
create table open311_keys (
    key_sha256 text primary key,
    name       text not null
);
