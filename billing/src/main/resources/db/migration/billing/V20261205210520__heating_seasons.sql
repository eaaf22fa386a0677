-- When heating is charged per m2: from the day the city switches heating on to the day it switches
-- it off, each year, as data with validity dates (like the tariffs). A row names a provider (its own
-- season wins) or a region (the default for its providers). A row without season days spreads the
-- charge over all 12 months, as some providers do. A provider with no row, in a region with none,
-- is charged all year. Per-m2 heating is charged on the days [season_start, season_end) of each year.
create table heating_seasons (
    id           bigint generated always as identity primary key,
    provider_id  bigint references providers (id),
    region       text,
    valid_from   date not null,
    valid_to     date,
    -- MM-DD; both null: all year
    season_start text check (season_start ~ '^\d\d-\d\d$'),
    season_end   text check (season_end ~ '^\d\d-\d\d$'),
    note         text,
    check ((provider_id is null) <> (region is null)),
    check ((season_start is null) = (season_end is null)),
    check (valid_to is null or valid_to > valid_from)
);
create index heating_seasons_provider on heating_seasons (provider_id);

-- Tashkent city: heating on 1 November, off 1 April (the usual decree dates; an operator records a
-- year's actual dates as a row valid for that year).
insert into heating_seasons (region, valid_from, season_start, season_end, note)
values ('TASHKENT_CITY', '2016-01-01', '11-01', '04-01', 'usual city decree dates; confirm each year');
