//! All unsafe code sits in the core module.

mod core_module;

pub use core_module::first;
