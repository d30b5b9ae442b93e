//! Not a core module: its unsafe code is reported.

pub fn first(bytes: &[u8]) -> u8 {
    assert!(!bytes.is_empty());
    // SAFETY: the slice is not empty.
    unsafe { *bytes.get_unchecked(0) } // ~ finding: unsafe_outside_core
}

/// Reads a byte.
///
/// # Safety
/// `p` must be valid for reads.
pub unsafe fn read(p: *const u8) -> u8 { // ~ finding: unsafe_outside_core
    *p
}

/// Plain old data.
///
/// # Safety
/// Every bit pattern must be valid.
pub unsafe trait Pod {} // ~ finding: unsafe_outside_core

// SAFETY: u8 is plain old data.
unsafe impl Pod for u8 {} // ~ finding: unsafe_outside_core

extern "C" { // ~ finding: unsafe_outside_core
    fn labs(x: i64) -> i64;
}

pub fn magnitude(x: i64) -> i64 {
    // SAFETY: `labs` has no preconditions.
    // rustlens:allow(unsafe_outside_core)
    unsafe { labs(x) } // ~ suppressed: unsafe_outside_core
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads() {
        let x = 1u8;
        // SAFETY: `x` lives across the call.
        assert_eq!(unsafe { super::read(&x) }, 1);
    }
}

#[test]
fn reads_too() {
    let x = 1u8;
    // SAFETY: `x` lives across the call.
    assert_eq!(unsafe { read(&x) }, 1);
}
