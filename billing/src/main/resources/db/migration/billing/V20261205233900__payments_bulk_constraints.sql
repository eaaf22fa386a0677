-- A bank's registry credits a million payments in one INSERT ... SELECT. The two foreign keys of
-- billing.payments cost three to five times the insert itself: each row's check is a query that
-- locks the referenced account and ledger-entry rows (measured here on a loaded machine, 200 000
-- payments: 5.0 s into a copy of the table with its indexes and no foreign keys, 17.3 s and 24.5 s
-- with these two). The references hold without them: accounts are never deleted
-- (accounts_are_kept), ledger entries neither (append-only), and the only writers (PaymentService,
-- the registry import) take the account from billing.accounts and write the entry in the same
-- transaction as the payment. The ledger keeps its own foreign key to accounts.
alter table payments drop constraint payments_account_id_fkey;
alter table payments drop constraint payments_entry_id_fkey;
