//! Below an inline module.
