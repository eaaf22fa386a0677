-- Issue 16 items 3-5: the notices a household may turn off (a row = turned off), and the numbers
-- the notices run by, kept as data so an administrator changes them without a release.
create table notice_opt_outs (
    user_id    bigint not null references users (id),
    kind       text   not null check (kind in ('BILL_ISSUED', 'DEBT_REMINDER', 'PAYMENT_CREDITED',
                                              'VERIFICATION_DUE', 'LEAK_ALERT')),
    changed_at timestamptz not null,
    primary key (user_id, kind)
);

create table notice_settings (
    name        text primary key,
    value       int  not null check (value >= 0),
    description text not null
);
insert into notice_settings (name, value, description) values
    ('debt_reminder_days_before', 3, 'Days before a bill''s due date that a household with a debt is reminded'),
    ('bill_lookback_hours', 48, 'How far back each sweep reads issued bills and credited payments');
