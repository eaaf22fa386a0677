-- An officer's answer may come with files (a scan of the signed letter, photos of the repair): kept
-- with the appeal's other attachments, marked as the organisation's.
alter table attachments add column from_officer boolean not null default false;
