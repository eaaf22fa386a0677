-- A photo a household attaches to a meter reading it submitted by hand, for the operators who review
-- it. One per reading; kept in the database (no file names or paths from the client), with its type
-- as sniffed from its first bytes and its size limited.
create table reading_photos (
    meter_id    bigint      not null,
    register    text        not null,
    ts          timestamptz not null,
    user_id     bigint      not null references users (id),
    media_type  text        not null check (media_type in ('image/jpeg', 'image/png', 'image/webp')),
    bytes       int         not null check (bytes > 0 and bytes <= 524288),
    sha256      text        not null,
    content     bytea       not null,
    uploaded_at timestamptz not null,
    primary key (meter_id, register, ts)
);
