-- A survey's words in the languages its publisher writes them in: {"uz": "...", "ru": "...", "en": "..."}.
-- Surveys published before were written once; they are shown to every reader as written.
alter table surveys
    alter column title type jsonb using jsonb_build_object('uz', title, 'ru', title, 'en', title),
    alter column description type jsonb using case when description is null then null
        else jsonb_build_object('uz', description, 'ru', description, 'en', description) end;
alter table survey_questions alter column text type jsonb using jsonb_build_object('uz', text, 'ru', text, 'en', text);
alter table survey_options alter column text type jsonb using jsonb_build_object('uz', text, 'ru', text, 'en', text);

alter table surveys add check (jsonb_typeof(title) = 'object' and title <> '{}');
alter table survey_questions add check (jsonb_typeof(text) = 'object' and text <> '{}');
alter table survey_options add check (jsonb_typeof(text) = 'object' and text <> '{}');
