//! A child of a mod.rs.
