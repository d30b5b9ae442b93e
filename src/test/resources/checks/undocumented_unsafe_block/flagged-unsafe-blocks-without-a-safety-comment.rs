//! Unsafe blocks nobody justified.

pub fn read(p: *const u8) -> u8 {
    unsafe { *p } // ~ finding: undocumented_unsafe_block
}

pub fn read_into(p: *const u8) -> u8 {
    let value = unsafe { *p }; // ~ finding: undocumented_unsafe_block
    value
}

pub fn call_with(p: *const u8) -> u8 {
    u8::wrapping_add(1, unsafe { *p }) // ~ finding: undocumented_unsafe_block
}

pub fn tail(p: *const u8) -> u8 {
    1 + unsafe { *p } // ~ finding: undocumented_unsafe_block
}

// SAFETY: a comment above the function does not justify the blocks in its body.
pub fn body(p: *const u8) -> u8 {
    unsafe { *p } // ~ finding: undocumented_unsafe_block
}

pub fn words_are_not_enough(p: *const u8) -> u8 {
    // Safety is obvious here (without the colon this is no justification).
    unsafe { *p } // ~ finding: undocumented_unsafe_block
}

pub fn trailing_comment_belongs_to_its_own_line(p: *const u8) -> u8 {
    let offset = 0; // SAFETY: this is about `offset`, not the block below
    unsafe { *p.add(offset) } // ~ finding: undocumented_unsafe_block
}

pub fn nested(p: *const u8) -> u8 {
    unsafe { // ~ finding: undocumented_unsafe_block
        // An unjustified outer block justifies nothing inside it: both are reported, as by clippy.
        let inner = unsafe { *p }; // ~ finding: undocumented_unsafe_block
        inner
    }
}

pub fn closure_later_statement(p: *const u8) -> u8 {
    // SAFETY: covers the closure's first statement only.
    let f = || {
        let offset = 0;
        unsafe { *p.add(offset) } // ~ finding: undocumented_unsafe_block
    };
    f()
}

pub fn after_a_statement(p: *const u8) -> u8 {
    // SAFETY: covers the `if`'s first statement, not the block after it.
    if p.is_null() {
        return 0;
    }
    let offset = 1;
    let x = unsafe { *p.add(offset) }; // ~ finding: undocumented_unsafe_block
    x
}

pub static FIRST: u8 = unsafe { *b"x".as_ptr() }; // ~ finding: undocumented_unsafe_block

#[test]
fn tests_are_checked_too() {
    let x = 1u8;
    let y = unsafe { *(&x as *const u8) }; // ~ finding: undocumented_unsafe_block
    assert_eq!(x, y);
}

#[cfg(test)]
mod tests {
    #[test]
    fn in_a_test_module() {
        let x = 1u8;
        let _ = unsafe { *(&x as *const u8) }; // ~ finding: undocumented_unsafe_block
    }
}
