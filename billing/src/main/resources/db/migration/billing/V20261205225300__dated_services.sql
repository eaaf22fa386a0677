-- Services billed on an account have dates: billed from a day (inclusive) until a day (exclusive;
-- null while still billed). A service stopped and started again is a second row. '-infinity' (the
-- default, and every row written before) means "since the account opened", so writers that do not
-- know the day keep working; the bill run bills a service only on its days.
alter table account_services add column billed_from date not null default '-infinity',
    add column billed_until date;
alter table account_services drop constraint account_services_pkey;
alter table account_services add primary key (account_id, utility, billed_from);
alter table account_services add constraint account_services_days check (billed_until is null or billed_until > billed_from);
