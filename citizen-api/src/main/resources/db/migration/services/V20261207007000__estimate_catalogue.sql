-- The repair and construction estimate calculator's catalogue: work items (a unit and a name in each
-- language), their materials and labour rates per unit, per region, with validity dates like the
-- tariff book (valid_to exclusive, null = open), and the VAT rate, also dated. Money in so'm with
-- tiyin (numeric(14,2)); the calculator rounds each line once.
create table estimate_items (
    code     text primary key check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    unit     text not null check (unit in ('M2', 'METRE', 'PIECE')),
    name_uz  text not null,
    name_ru  text not null,
    name_en  text not null,
    position int  not null default 0
);

create table estimate_rates (
    id         bigserial primary key,
    item_code  text          not null references estimate_items (code),
    region     text          not null,
    valid_from date          not null,
    valid_to   date,
    materials  numeric(14,2) not null check (materials >= 0),
    labour     numeric(14,2) not null check (labour >= 0),
    check (valid_to is null or valid_to > valid_from)
);
create index estimate_rates_item_region on estimate_rates (item_code, region, valid_from);

create table estimate_vat (
    valid_from   date primary key,
    rate_percent numeric(5,2) not null check (rate_percent >= 0 and rate_percent < 100)
);

-- VAT in Uzbekistan: 12 % (Tax Code art. 258, from 2023).
insert into estimate_vat (valid_from, rate_percent) values (date '2023-01-01', 12.00);

insert into estimate_items (code, unit, name_uz, name_ru, name_en, position) values
    ('PLASTERING',     'M2',    'Devorlarni suvash',              'Штукатурка стен',                  'Wall plastering', 10),
    ('PAINTING',       'M2',    'Devor va shiftni bo''yash',      'Покраска стен и потолка',          'Painting walls and ceilings', 20),
    ('TILING',         'M2',    'Kafel yotqizish',                'Укладка плитки',                   'Tiling', 30),
    ('FLOOR_SCREED',   'M2',    'Pol styajkasi',                  'Стяжка пола',                      'Floor screed', 40),
    ('WATER_PIPES',    'METRE', 'Suv quvurlarini almashtirish',   'Замена водопроводных труб',        'Replacing water pipes', 50),
    ('GAS_PIPES',      'METRE', 'Gaz quvurlarini almashtirish',   'Замена газовых труб',              'Replacing gas pipes', 60),
    ('WIRING',         'METRE', 'Elektr simlarini almashtirish',  'Замена электропроводки',           'Replacing electrical wiring', 70),
    ('METER_WATER',    'PIECE', 'Suv hisoblagichini o''rnatish',  'Установка счётчика воды',          'Installing a water meter', 80),
    ('METER_ELECTRIC', 'PIECE', 'Elektr hisoblagichini o''rnatish', 'Установка электросчётчика',      'Installing an electricity meter', 90),
    ('BOILER',         'PIECE', 'Qozon (kotyol) o''rnatish',      'Установка котла',                  'Installing a boiler', 100);

-- Seed rates from 2026-01-01 for every region: Tashkent city's figures, 10 % less elsewhere
-- (rounded to the so'm). Administrators replace them with their own as new dated versions.
insert into estimate_rates (item_code, region, valid_from, materials, labour)
select i.code, r.region, date '2026-01-01',
       round(i.materials * case when r.region = 'TASHKENT_CITY' then 1 else 0.9 end, 0),
       round(i.labour * case when r.region = 'TASHKENT_CITY' then 1 else 0.9 end, 0)
from (values ('PLASTERING', 38000.00, 45000.00), ('PAINTING', 14500.00, 22000.00),
             ('TILING', 95000.00, 85000.00), ('FLOOR_SCREED', 52000.00, 40000.00),
             ('WATER_PIPES', 27500.00, 30000.00), ('GAS_PIPES', 61000.00, 55000.00),
             ('WIRING', 12500.00, 18000.00), ('METER_WATER', 185000.00, 120000.00),
             ('METER_ELECTRIC', 420000.00, 150000.00), ('BOILER', 5400000.00, 650000.00))
     as i (code, materials, labour)
cross join (values ('TASHKENT_CITY'), ('TASHKENT_REGION'), ('ANDIJAN'), ('BUKHARA'), ('FERGANA'),
                   ('JIZZAKH'), ('KASHKADARYA'), ('KHOREZM'), ('NAMANGAN'), ('NAVOI'), ('SAMARKAND'),
                   ('SIRDARYA'), ('SURKHANDARYA'), ('KARAKALPAKSTAN')) as r (region);
