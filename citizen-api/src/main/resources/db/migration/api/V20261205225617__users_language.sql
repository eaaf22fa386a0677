-- Issue 15: the language a person reads the portal, SMS and error messages in; null until they choose
-- (then the browser's Accept-Language, else Uzbek).
alter table users add column language text check (language in ('uz', 'ru', 'en'));
