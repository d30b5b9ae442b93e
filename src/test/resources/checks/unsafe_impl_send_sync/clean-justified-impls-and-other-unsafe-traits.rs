//! Justified thread-safety claims, and unsafe impls of other traits.

use std::marker::PhantomData;

pub struct Handle(*mut u8);

// SAFETY: the pointer is owned and only dereferenced behind `&mut self`.
unsafe impl Send for Handle {}

// SAFETY: every method taking `&self` only reads through the pointer.
#[allow(clippy::non_send_fields_in_send_ty)]
unsafe impl Sync for Handle {}

pub struct Wrapper<T>(PhantomData<T>);

/* SAFETY: `Wrapper` holds no `T`, only its type. */
unsafe impl<T> core::marker::Send for Wrapper<T> {}

// Safety: lowercase markers count, as in clippy.
unsafe impl<T> std::marker::Sync for Wrapper<T> {}

/// # Safety
/// Implementors must be plain old data.
pub unsafe trait Pod {}

unsafe impl Pod for Handle {}

pub struct Safe;

impl Clone for Safe {
    fn clone(&self) -> Self {
        Safe
    }
}
