-- A bill run COPYs about 2.5 usage records per account, and every index costs each row an insert:
-- measured in psql here for 500 000 records, 1.42 CPU s with the two indexes, 1.04 without the key
-- on id, 0.60 without either (docs/benchmarks.md, session 8). Nothing looks a record up by its id
-- alone; every read goes by account (and period), and "the latest record of a period" orders by id
-- within them. One index serves both: the key (account, period, id). The identity still numbers
-- the records, so the latest of a period is still the highest id.
alter table usage_records drop constraint usage_records_pkey;
drop index usage_records_period;
alter table usage_records add constraint usage_records_pkey primary key (account_id, period_start, id);
