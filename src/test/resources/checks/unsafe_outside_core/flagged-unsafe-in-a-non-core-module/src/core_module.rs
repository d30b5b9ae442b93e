//! The core module: unsafe code is expected here.

mod inner;

/// Reads a byte.
///
/// # Safety
/// `p` must be valid for reads.
pub unsafe fn read(p: *const u8) -> u8 {
    *p
}

pub struct Handle(*mut u8);

// SAFETY: the pointer is owned by the handle.
unsafe impl Send for Handle {}

extern "C" {
    pub fn abs(x: i32) -> i32;
}

pub fn first(bytes: &[u8]) -> u8 {
    // SAFETY: the caller passes a non-empty slice.
    unsafe { read(bytes.as_ptr()) }
}
