-- A provider serves several regions and districts (a heat company across two districts, a RES
-- across a region). providers.region/district stay its home area (what slips print); the areas it
-- serves are these rows, the home area among them. A null district: every district of the region.
create table provider_areas (
    provider_id bigint not null references providers (id),
    region      text   not null,
    district    text
);
create unique index provider_areas_unique on provider_areas (provider_id, region, coalesce(district, ''));
insert into provider_areas (provider_id, region, district) select id, region, district from providers;

-- A provider added by any writer (the desk, the demo, a script) serves its home area at least.
create function billing_provider_serves_its_home() returns trigger language plpgsql as $$
begin
    insert into billing.provider_areas (provider_id, region, district) values (new.id, new.region, new.district);
    return null;
end $$;
create trigger providers_serve_their_home after insert on providers
    for each row execute function billing_provider_serves_its_home();
