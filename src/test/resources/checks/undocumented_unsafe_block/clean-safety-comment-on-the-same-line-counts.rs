//! A comment just before the `unsafe` keyword, on its line, counts.

pub fn inline(p: *const u8) -> u8 {
    /* SAFETY: the caller passes a valid pointer. */ unsafe { *p }
}

pub fn inside_an_expression(p: *const u8) -> u8 {
    let value = 1 + /* SAFETY: the caller passes a valid pointer. */ unsafe { *p };
    value
}

pub fn directly_above_the_keyword(p: *const u8) -> u8 {
    u8::wrapping_add(
        1,
        // SAFETY: the caller passes a valid pointer.
        unsafe { *p },
    )
}
