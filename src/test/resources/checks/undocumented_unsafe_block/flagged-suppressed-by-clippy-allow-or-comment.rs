//! Suppressions are kept and counted.

#[allow(clippy::undocumented_unsafe_blocks)]
pub fn allowed(p: *const u8) -> u8 {
    unsafe { *p } // ~ suppressed: undocumented_unsafe_block
}

#[expect(clippy::undocumented_unsafe_blocks, reason = "fixture")]
pub fn expected(p: *const u8) -> u8 {
    unsafe { *p } // ~ suppressed: undocumented_unsafe_block
}

pub fn commented(p: *const u8) -> u8 {
    // rustlens:allow(undocumented_unsafe_block)
    unsafe { *p } // ~ suppressed: undocumented_unsafe_block
}

pub fn not_suppressed(p: *const u8) -> u8 {
    unsafe { *p } // ~ finding: undocumented_unsafe_block
}
