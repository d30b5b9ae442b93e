//! The crate root allows `missing_safety_doc` for every module below it; a module may warn again.
#![allow(clippy::missing_safety_doc)]

pub mod raw;
#[warn(clippy::missing_safety_doc)]
pub mod strict;
