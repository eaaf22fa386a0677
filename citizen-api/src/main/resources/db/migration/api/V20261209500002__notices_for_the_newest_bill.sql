-- A household is told of a credited payment only when it was paid recently: payments loaded with the
-- history at go-live (or a registry of old payments) are credited quietly.
insert into notice_settings (name, value, description) values
    ('payment_max_age_days', 7, 'A credited payment is told only when it was paid within this many days');
