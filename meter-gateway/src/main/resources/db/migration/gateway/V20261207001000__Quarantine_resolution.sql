-- An operator's action on a quarantined payload: replayed through ingest once its meter is registered,
-- or discarded with a reason. Either way the entry is kept, for audit; it is never deleted.
alter table quarantine
    add column resolution      text check (resolution in ('replayed', 'discarded')),
    add column resolved_at     timestamptz,
    add column resolved_by     text,
    add column resolution_note text,
    add column replayed_count  integer;
