-- Bill runs split into shards, invoices with their lines, and what each invoice billed per utility.

create table bill_runs (
    id             bigint generated always as identity primary key,
    provider_id    bigint      not null references providers (id),
    period_start   date        not null,
    period_end     date        not null,
    created_at     timestamptz not null,
    finished_at    timestamptz,
    shards_total   int         not null,
    accounts_total int         not null,
    -- one run per provider and period, whichever node opens it
    unique (provider_id, period_start)
);

-- A shard is a range of a provider's account ids. A node claims it with a lease; a node that dies
-- leaves the lease to expire and another node takes the shard over.
create table run_shards (
    run_id           bigint not null references bill_runs (id),
    shard_no         int    not null,
    first_account_id bigint not null,
    last_account_id  bigint not null,
    accounts         int    not null,
    claimed_by       text,
    lease_until      timestamptz,
    attempts         int    not null default 0,
    done_at          timestamptz,
    done_by          text,
    invoices         int,
    primary key (run_id, shard_no)
);
create index run_shards_open on run_shards (run_id, shard_no) where done_at is null;

create sequence invoice_ids cache 1000;

create table invoices (
    id                   bigint      primary key,
    number               text        not null unique,
    account_id           bigint      not null references accounts (id),
    run_id               bigint      not null references bill_runs (id),
    period_start         date        not null,
    period_end           date        not null,
    issued_at            timestamptz not null,
    balance_before_tiyin bigint      not null,
    total_tiyin          bigint      not null,
    balance_after_tiyin  bigint      not null,
    -- running a period again can never bill it twice
    unique (account_id, period_start)
);

create table invoice_lines (
    invoice_id   bigint   not null references invoices (id),
    line_no      smallint not null,
    utility      text     not null,
    kind         text     not null check (kind in ('BLOCK', 'FLAT', 'STATE_PAID', 'CORRECTION')),
    tariff_id    text,
    from_day     date     not null,
    to_day       date     not null,
    block        smallint not null,
    quantity     numeric,
    unit         text,
    unit_price   numeric,
    amount_tiyin bigint   not null,
    estimated    boolean  not null,
    note         text,
    primary key (invoice_id, line_no)
);

-- What was billed for a metered utility of a period: the readings used and the amount. A later
-- correction adds a row (kind CORRECTED); the latest row of a period is what stands today.
create table usage_records (
    id           bigint generated always as identity primary key,
    account_id   bigint  not null references accounts (id),
    utility      text    not null,
    period_start date    not null,
    period_end   date    not null,
    start_value  numeric,
    end_value    numeric,
    consumption  numeric not null,
    estimated    boolean not null,
    amount_tiyin bigint  not null,
    invoice_id   bigint  not null references invoices (id),
    kind         text    not null check (kind in ('BILLED', 'CORRECTED'))
);
create index usage_records_period on usage_records (account_id, period_start);
