//! A crate whose unsafe code should live in `core_module` only.

mod core_module;
mod other;

pub use other::first;

// SAFETY: the root is not a core module either.
pub static ROOT: u8 = unsafe { *b"r".as_ptr() }; // ~ finding: unsafe_outside_core
