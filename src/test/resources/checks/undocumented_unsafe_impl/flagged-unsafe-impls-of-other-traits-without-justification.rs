//! Unsafe impls of unsafe traits other than Send and Sync, with nothing saying why they hold.

use std::alloc::{GlobalAlloc, Layout, System};

/// # Safety
/// Every bit pattern of an implementing type is a valid value.
pub unsafe trait Zeroable {}

/// An allocator.
pub struct Counting;

unsafe impl GlobalAlloc for Counting { // ~ finding: undocumented_unsafe_impl
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwards the caller's contract to the system allocator.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwards the caller's contract to the system allocator.
        unsafe { System.dealloc(ptr, layout) }
    }
}

unsafe impl Zeroable for u32 {} // ~ finding: undocumented_unsafe_impl

/// A wrapper.
pub struct Wrapper<T>(T);

unsafe impl<T: Zeroable> crate::Zeroable for Wrapper<T> {} // ~ finding: undocumented_unsafe_impl

// A comment that says nothing about why the impl holds.
#[doc(hidden)]
unsafe impl Zeroable for u8 {} // ~ finding: undocumented_unsafe_impl

cfg_if::cfg_if! {
    if #[cfg(unix)] {
        unsafe impl Zeroable for u16 {} // ~ finding: undocumented_unsafe_impl
    }
}

#[cfg(test)]
mod tests {
    struct Test;
    unsafe impl super::Zeroable for Test {} // ~ finding: undocumented_unsafe_impl
}

// SAFETY: the thread-safety claims are the business of unsafe_impl_send_sync.
unsafe impl Send for Wrapper<u8> {}
unsafe impl Sync for Wrapper<u8> {}
