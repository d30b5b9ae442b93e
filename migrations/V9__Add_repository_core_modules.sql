-- Core modules per repository: where unsafe code is expected (unsafe_outside_core), added to those
-- a crate names in [package.metadata.rustlens]. A scan records the ones it was analysed with, so a
-- rescan of the same commit reuses its results only when they are still the same.
alter table repository add column core_modules text[] not null default '{}';
alter table scan add column core_modules text[] not null default '{}';
