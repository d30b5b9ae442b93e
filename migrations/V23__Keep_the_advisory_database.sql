-- The RustSec advisory database (issue 24): rustlens fetches it as a git repository, reads every
-- advisory of the fetched commit and keeps them here, so that a restart matches locked packages
-- without the network, and a new commit can be matched against stored scans without rescanning.

-- One row per database URL rustlens was configured with. Only the URL fetched last has its
-- advisories stored (the other rows keep their errors but lose their revision).
create table advisory_database (
    url            text        not null,
    branch         text        not null,
    -- The commit whose advisories are stored; null until a fetch succeeded.
    revision       text,
    -- The last fetch that succeeded, whether or not the revision changed.
    fetched_at     timestamptz,
    -- When the stored revision's advisories were written.
    stored_at      timestamptz,
    advisory_count integer     not null default 0,
    -- The files of the revision left out: [{"path", "line", "message"}].
    problems       jsonb       not null default '[]',
    -- The last failed fetch, cleared by the next one that succeeds.
    last_error     text,
    last_error_at  timestamptz,
    constraint advisory_database_pkey primary key (url)
);

create table advisory (
    id             text    not null,
    database_url   text    not null,
    package        text    not null,
    title          text    not null,
    description    text    not null,
    date           date    not null,
    url            text,
    -- unsound, unmaintained, notice, ...; null for a vulnerability.
    informational  text,
    categories     text[]  not null,
    keywords       text[]  not null,
    aliases        text[]  not null,
    related        text[]  not null,
    reference_urls text[]  not null,
    cvss           text,
    -- Cargo version requirements as written (">= 1.2.3, < 1.3.0").
    patched        text[]  not null,
    unaffected     text[]  not null,
    withdrawn      date,
    -- Affected function paths and the requirements of the versions affected: {"time::now": ["^0.1"]}.
    functions      jsonb   not null,
    os             text[]  not null,
    arch           text[]  not null,
    -- The advisory's file in the database, e.g. crates/tokio/RUSTSEC-2023-0001.md.
    path           text    not null,
    constraint advisory_pkey primary key (id),
    constraint advisory_database_url_fkey foreign key (database_url) references advisory_database (url) on delete cascade
);

create index advisory_package_idx on advisory (package);
