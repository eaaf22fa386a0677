-- An account's payments (its last one on every widget card, its history) were found by scanning
-- every payment. Payments arrive one at a time from the payment hooks, so the index costs them
-- little; the order matches "latest first" (paid_at desc, id desc) read backwards.
create index payments_account on payments (account_id, paid_at, id);
