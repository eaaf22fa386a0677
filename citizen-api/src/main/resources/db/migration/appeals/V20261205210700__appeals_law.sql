-- Issue 19, appeals that follow the law to the letter:
-- the resident's language and e-mail (texts they read; replies by e-mail), how many times the
-- appeal was forwarded (ping-pong shows, and past a limit an administrator decides), a possible
-- duplicate of an earlier appeal, and the post queue (an answer to print and mail).
alter table appeals
    add column language     text not null default 'uz' check (language in ('uz', 'ru', 'en')),
    add column email        text,
    add column forwards     integer not null default 0,
    add column duplicate_of bigint references appeals (id),
    -- post replies: 'TO_PRINT' once answered, 'PRINTED' when an officer marks the letter printed
    add column post_status  text check (post_status in ('TO_PRINT', 'PRINTED'));

create index appeals_to_print on appeals (organisation_id) where post_status = 'TO_PRINT';
create index appeals_duplicates on appeals (user_id, organisation_id, sent_at) where status <> 'DRAFT';

-- A step taken after the law's time for it (a forward after the 5-day window): recorded as late,
-- with who (the row's actor) and why (the note).
alter table history add column late boolean not null default false;
create index history_late on history (appeal_id) where late;
