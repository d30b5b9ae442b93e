//! A SAFETY: comment that opens the block counts, as clippy reads it.

pub fn first_line_inside(p: *const u8) -> u8 {
    let value = unsafe {
        // SAFETY: the caller passes a valid pointer.
        *p
    };
    value
}

pub fn after_the_brace(p: *const u8) -> u8 {
    unsafe { // SAFETY: the caller passes a valid pointer.
        *p
    }
}

pub fn block_comment_inside(p: *const u8) -> u8 {
    unsafe { /* SAFETY: the caller passes a valid pointer. */ *p }
}
