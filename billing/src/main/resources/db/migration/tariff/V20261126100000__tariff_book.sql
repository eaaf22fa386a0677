-- The tariff book: one row per tariff version (uz.ekommunal.tariff.TariffVersion). The columns are
-- the book's CSV columns (uz.ekommunal.tariff.TariffBookCsv); blocks, regions and season keep their
-- CSV text form, so the engine's parser is the one place that reads them.
--
-- History is kept: a row is never deleted and its prices are never changed. A new price is a new
-- version. The one change allowed is closing an open-ended version (valid_to from empty to a
-- date) when its successor is added; the trigger below enforces it.
create table tariff_versions (
    id                    text primary key check (id <> '' and position(',' in id) = 0),
    utility               text not null,
    basis                 text not null,
    meter                 text not null,
    regions               text not null,
    household_class       text not null,
    valid_from            date not null,
    valid_to              date,
    blocks                text not null,
    season                text,
    unmetered_coefficient numeric,
    state_pays_above_norm numeric,
    recorded_at           timestamptz not null default now(),
    closed_at             timestamptz,
    check (valid_to is null or valid_to > valid_from)
);

comment on table tariff_versions is 'Tariff book: one row per tariff version, append-only; valid on [valid_from, valid_to)';

create function tariff_versions_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'tariff version % is history and is never deleted', old.id;
    end if;
    if old.valid_to is null and new.valid_to is not null
            and (to_jsonb(new) - 'valid_to' - 'closed_at') = (to_jsonb(old) - 'valid_to' - 'closed_at') then
        return new;
    end if;
    raise exception 'tariff version % is history: add a new version instead of changing it', old.id;
end
$$;

create trigger tariff_versions_append_only
    before update or delete on tariff_versions
    for each row execute function tariff_versions_append_only();
