-- A cashier, like an operator, works for one provider's cashier desk: the role names it.
alter table users add constraint users_cashier_has_provider check (role <> 'CASHIER' or provider_id is not null);
