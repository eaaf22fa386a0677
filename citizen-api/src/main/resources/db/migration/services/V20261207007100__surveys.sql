-- Surveys (so'rovnomalar): published by administrators (for everyone or one provider's households)
-- and operators (their own provider's households only), answered once per signed-in household.
-- Users and providers are referred to by id; their tables belong to other modules and schemas.
create table surveys (
    id             bigserial primary key,
    title          text        not null,
    description    text,
    provider_id    bigint,
    opens_at       timestamptz not null,
    closes_at      timestamptz not null,
    public_results boolean     not null default false,
    created_by     bigint      not null,
    created_at     timestamptz not null,
    check (closes_at > opens_at)
);

create table survey_questions (
    survey_id bigint not null references surveys (id) on delete cascade,
    position  int    not null,
    kind      text   not null check (kind in ('SINGLE', 'MULTIPLE', 'TEXT')),
    text      text   not null,
    required  boolean not null default true,
    primary key (survey_id, position)
);

create table survey_options (
    survey_id bigint not null,
    question  int    not null,
    position  int    not null,
    text      text   not null,
    primary key (survey_id, question, position),
    foreign key (survey_id, question) references survey_questions (survey_id, position) on delete cascade
);

-- One response per survey and user: the primary key makes a double submit (even concurrent) one.
create table survey_responses (
    survey_id   bigint      not null references surveys (id) on delete cascade,
    user_id     bigint      not null,
    answered_at timestamptz not null,
    primary key (survey_id, user_id)
);

create table survey_answers (
    survey_id bigint not null,
    user_id   bigint not null,
    question  int    not null,
    option    int,
    text      text,
    foreign key (survey_id, user_id) references survey_responses (survey_id, user_id) on delete cascade,
    check ((option is null) <> (text is null))
);
create index survey_answers_question on survey_answers (survey_id, question);
