//! Thread-safety claims nobody justified.

use std::cell::Cell;
use std::marker::PhantomData;

pub struct Handle(*mut u8);

unsafe impl Send for Handle {} // ~ finding: unsafe_impl_send_sync
unsafe impl Sync for Handle {} // ~ finding: unsafe_impl_send_sync

pub struct Wrapper<T>(PhantomData<T>, Cell<u8>);

unsafe impl<T> core::marker::Send for Wrapper<T> {} // ~ finding: unsafe_impl_send_sync

/// A doc comment is not a justification unless it says SAFETY.
unsafe impl<T: Send> std::marker::Sync for Wrapper<T> {} // ~ finding: unsafe_impl_send_sync

pub struct Raw(*const u8);

// Comments above `FIRST` are about `FIRST`.
pub const FIRST: u8 = 1; // SAFETY: a trailing comment belongs to its own line
unsafe impl Send for Raw {} // ~ finding: unsafe_impl_send_sync

#[allow(clippy::undocumented_unsafe_blocks)]
unsafe impl Sync for Raw {} // ~ suppressed: unsafe_impl_send_sync

pub struct Other(*const u8);

// rustlens:allow(unsafe_impl_send_sync)
unsafe impl Send for Other {} // ~ suppressed: unsafe_impl_send_sync

#[cfg(test)]
mod tests {
    struct InTests(*const u8);

    unsafe impl Send for InTests {} // ~ finding: unsafe_impl_send_sync
}
