-- A repository is a git URL or a series of uploaded source archives (kind 'archive', no URL).
-- Private git repositories carry credentials, encrypted by rustlens (AES-GCM) with a key kept
-- outside the database: the column alone reveals nothing.
alter table repository add column kind text not null default 'git';
alter table repository add constraint repository_kind_check check (kind in ('git', 'archive'));
alter table repository alter column url drop not null;
alter table repository add constraint repository_url_check check ((kind = 'git') = (url is not null));
alter table repository add column credentials bytea;
