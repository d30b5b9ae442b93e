-- The digest of every deleted API token, so that a token set in the configuration
-- (RUSTLENS_ADMIN_TOKEN) stays revoked after a restart instead of being set up again.
create table revoked_token (
    token_hash bytea       not null,
    revoked_at timestamptz not null default now(),
    constraint revoked_token_pkey primary key (token_hash)
);
