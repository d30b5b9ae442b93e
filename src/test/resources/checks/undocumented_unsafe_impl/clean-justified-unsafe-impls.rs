//! Unsafe impls whose justification stands where a reader looks for it.

/// # Safety
/// Every bit pattern of an implementing type is a valid value.
pub unsafe trait Zeroable {}

// SAFETY: every bit pattern is a valid u32.
unsafe impl Zeroable for u32 {}

// SAFETY: every bit pattern is a valid u8; the attributes below do not change that.
#[doc(hidden)]
#[allow(clippy::undocumented_unsafe_blocks)]
unsafe impl Zeroable for u8 {}

/// Documented, and justified between the docs and the impl.
// SAFETY: every bit pattern is a valid i8.
unsafe impl Zeroable for i8 {}

/* SAFETY: every bit pattern is a valid i16. */
unsafe impl Zeroable for i16 {}

/* SAFETY: every bit pattern is a valid i32. */ unsafe impl Zeroable for i32 {}

cfg_if::cfg_if! {
    if #[cfg(unix)] {
        // SAFETY: every bit pattern is a valid u16.
        unsafe impl Zeroable for u16 {}
    }
}

/// A type without unsafe impls.
pub struct Plain;

impl Clone for Plain {
    fn clone(&self) -> Self {
        Plain
    }
}
