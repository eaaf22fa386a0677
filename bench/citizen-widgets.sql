-- A neighbourhood for bench/citizen-widgets.sh, in a fresh database the system has migrated:
-- :households households in Tashkent's Chilonzor district, each with personal accounts at four
-- providers (electricity, gas, cold water and sewerage, garbage), every second one also at the heat
-- company (hot water and heating); household facts with some history; a meter per metered
-- utility (electricity, gas, cold water, hot water) reporting once a day for the last 400 days.
-- Invoices, the ledger and payments are made afterwards by the system's own bill runs (BillHistory).
-- public.bench_households lists, per household, the phone it signs in with and its accounts.
\set ON_ERROR_STOP on
set synchronous_commit = off;

insert into billing.providers (code, name, account_kind, account_pattern, region, district, director, phone, address,
                               inn, mfo, okonh, settlement_account)
values ('RES-CHILONZOR', 'Chilonzor electric networks', 'ELECTRICITY', null, 'TASHKENT_CITY', 'Chilonzor',
        'A. Karimov', '+998 71 200 00 01', 'Tashkent, Bunyodkor 1', '201234561', '00014', '90310', '20210000900123456001'),
       ('GAS-CHILONZOR', 'Chilonzor gas', 'GAS', null, 'TASHKENT_CITY', 'Chilonzor',
        'B. Yusupov', '+998 71 200 00 02', 'Tashkent, Qatortol 5', '201234562', '00014', '90320', '20210000900123456002'),
       ('SUVOQOVA', 'Tashkent water', 'COLD_WATER', null, 'TASHKENT_CITY', null,
        'D. Rahimov', '+998 71 200 00 03', 'Tashkent, Navoiy 12', '201234563', '00014', '90330', '20210000900123456003'),
       ('TOZA-HUDUD', 'Toza hudud', 'GARBAGE', 'TH-[0-9]{6}', 'TASHKENT_CITY', null,
        'E. Saidova', '+998 71 200 00 04', 'Tashkent, Furqat 3', '201234564', '00014', '90340', '20210000900123456004'),
       ('TEPLOSBYT', 'Tashkent heat', 'HOT_WATER_HEATING', null, 'TASHKENT_CITY', null,
        'F. Olimov', '+998 71 200 00 05', 'Tashkent, Amir Temur 20', '201234565', '00014', '90350', '20210000900123456005');

create table public.bench_households as
select h, '+99890' || lpad(h::text, 7, '0') as phone, k.utility, k.code,
       case k.utility when 'electricity' then (1000000 + h)::text
                      when 'gas' then (20000000 + h)::text
                      when 'cold_water' then (400000 + h)::text
                      when 'garbage' then 'TH-' || lpad(h::text, 6, '0')
                      else (30000000000 + h)::text end as number
from generate_series(1, :households) h
cross join (values ('electricity', 'RES-CHILONZOR'), ('gas', 'GAS-CHILONZOR'), ('cold_water', 'SUVOQOVA'),
                   ('garbage', 'TOZA-HUDUD'), ('hot_water', 'TEPLOSBYT')) k(utility, code)
where k.utility <> 'hot_water' or h % 2 = 0;

insert into billing.accounts (provider_id, number, holder_name, address, opened_on)
select p.id, b.number,
       (array['Karimova Dilnoza', 'Rashidov Anvar', 'Yusupova Malika', 'Tursunov Bekzod', 'Aliyeva Nodira',
              'Saidov Jasur', 'Ergasheva Zarina', 'Xolmatov Sardor'])[1 + b.h % 8],
       'Tashkent, Chilonzor ' || (1 + b.h % 25) || '-' || (1 + b.h / 25 % 60) || ', apt ' || (1 + b.h % 90),
       date '2024-01-01' + (b.h % 200)
from public.bench_households b join billing.providers p on p.code = b.code
order by b.h, p.id;

insert into billing.account_services (account_id, utility)
select a.id, u
from billing.accounts a join billing.providers p on p.id = a.provider_id,
     unnest(case p.account_kind when 'ELECTRICITY' then array['ELECTRICITY']
                                when 'GAS' then array['NATURAL_GAS']
                                when 'COLD_WATER' then array['COLD_WATER', 'SEWERAGE']
                                when 'GARBAGE' then array['GARBAGE']
                                else array['HOT_WATER', 'HEATING'] end) u;

-- residents and heated area since opening; every fifth household changed its residents in March. No
-- electric stoves: the default tariff book has no electric-stove price list, and a bill run leaves such
-- flats to the operators (unbilled) rather than price them by the standard list
insert into billing.household_facts (account_id, valid_from, residents, heated_area, region, district, needy_family,
                                     electric_stove)
select a.id, a.opened_on, 1 + b.h % 6, case when p.account_kind = 'HOT_WATER_HEATING' then 45 + b.h % 50 else 0 end,
       'TASHKENT_CITY', 'Chilonzor', b.h % 15 = 0, false
from billing.accounts a join billing.providers p on p.id = a.provider_id
join public.bench_households b on b.code = p.code and b.number = a.number;
insert into billing.household_facts (account_id, valid_from, residents, heated_area, region, district, needy_family,
                                     electric_stove)
select account_id, date '2026-03-01', residents + 1, heated_area, region, district, needy_family, electric_stove
from billing.household_facts where account_id in (
    select a.id from billing.accounts a join public.bench_households b on b.number = a.number where b.h % 5 = 0);

-- a meter per metered utility, serial = letter + account number
create temporary table bench_meters as
select a.id as account_id, m.letter || a.number as serial, m.utility, m.protocol, m.register, m.digits
from billing.accounts a join billing.providers p on p.id = a.provider_id
join (values ('ELECTRICITY', 'E', 'electricity', 'mqtt', '1-0:1.8.0', 6),
             ('GAS', 'G', 'gas', 'coap', '7-0:3.0.0', 5),
             ('COLD_WATER', 'W', 'cold_water', 'coap', '8-0:1.0.0', 5),
             ('HOT_WATER_HEATING', 'H', 'hot_water', 'coap', '9-0:1.0.0', 5))
     m(kind, letter, utility, protocol, register, digits) on m.kind = p.account_kind;
insert into gateway.meters (serial, utility, protocol, account_number, register_digits, installed_at)
select serial, utility, protocol, substr(serial, 2), digits, timestamptz '2024-01-01T00:00:00Z'
from bench_meters order by account_id;
insert into billing.account_meters (account_id, meter_id, serial, register, linked_at)
select b.account_id, m.id, b.serial, b.register, timestamptz '2024-01-01T00:00:00Z'
from bench_meters b join gateway.meters m on m.serial = b.serial;

-- one reading a day (23:00 Tashkent) for 400 days, a steady use per meter
insert into gateway.readings (meter_id, register, ts, value, quality, received_at, source)
select am.meter_id, am.register, d,
       round((100 + am.meter_id % 5000 + extract(epoch from d - first_day) / 86400 *
              case am.register when '1-0:1.8.0' then 4 + am.meter_id % 11
                               when '7-0:3.0.0' then 1 + am.meter_id % 5
                               when '8-0:1.0.0' then 0.2 + (am.meter_id % 7) / 10.0
                               else 0.1 + (am.meter_id % 4) / 10.0 end)::numeric, 3),
       0, d + interval '40 seconds', 'bench'
from billing.account_meters am
cross join (select date_trunc('day', now()) - interval '400 days' + interval '18 hours' as first_day) f
cross join lateral generate_series(f.first_day, now(), interval '1 day') d;

vacuum analyze;
