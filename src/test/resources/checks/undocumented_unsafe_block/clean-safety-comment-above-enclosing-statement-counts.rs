//! A SAFETY: comment above the statement that holds the block justifies it (rust-clippy #15754).

pub struct Pair {
    pub a: u8,
    pub b: u8,
}

pub fn let_value(p: *const u8) -> u8 {
    // SAFETY: the caller passes a valid pointer.
    let value = unsafe { *p };
    value
}

pub fn argument(p: *const u8) -> u8 {
    // SAFETY: the caller passes a valid pointer.
    u8::wrapping_add(
        1,
        unsafe { *p },
    )
}

pub fn chain(p: *const u8) -> u8 {
    // SAFETY: the caller passes a valid pointer.
    let text = std::iter::once(0u8)
        .map(|offset| offset + 1)
        .fold(0, |sum, offset| sum + unsafe { *p.add(usize::from(offset)) });
    text
}

pub fn comment_inside_a_chain(p: *const u8) -> u8 {
    let value = Some(0usize)
        // SAFETY: the caller passes a valid pointer.
        .map(|offset| unsafe { *p.add(offset) });
    value.unwrap_or(0)
}

pub fn match_arm(p: *const u8, which: bool) -> u8 {
    // SAFETY: the caller passes a valid pointer.
    match which {
        true => unsafe { *p },
        false => 0,
    }
}

pub fn comment_above_the_arm(p: *const u8, which: bool) -> u8 {
    match which {
        // SAFETY: the caller passes a valid pointer.
        true => unsafe { *p },
        false => 0,
    }
}

pub fn struct_field(p: *const u8) -> Pair {
    // SAFETY: the caller passes a valid pointer.
    Pair {
        a: 1,
        b: unsafe { *p },
    }
}

pub fn field_comment(p: *const u8) -> Pair {
    Pair {
        a: 1,
        // SAFETY: the caller passes a valid pointer.
        b: unsafe { *p },
    }
}

pub fn closure(p: *const u8) -> u8 {
    // SAFETY: the caller passes a valid pointer.
    let read = |offset: usize| unsafe { *p.add(offset) };
    read(0)
}

pub fn closure_with_a_body(p: *const u8) -> u8 {
    // SAFETY: the caller passes a valid pointer.
    let read = |offset: usize| {
        unsafe { *p.add(offset) }
    };
    read(0)
}

pub fn returned(p: *const u8) -> u8 {
    // SAFETY: the caller passes a valid pointer.
    return unsafe { *p };
}

pub fn lowercase_marker(p: *const u8) -> u8 {
    // Safety: clippy reads the marker case-insensitively.
    unsafe { *p }
}

pub fn blank_line_between(p: *const u8) -> u8 {
    // SAFETY: the caller passes a valid pointer.

    unsafe { *p }
}

pub fn block_comment_above(p: *const u8) -> u8 {
    /*
     * SAFETY: the caller passes a valid pointer.
     */
    unsafe { *p }
}

pub fn several_comment_lines(p: *const u8) -> u8 {
    // SAFETY: the caller passes a valid pointer,
    // and nobody else writes to it.
    unsafe { *p }
}

// SAFETY: the pointer is to a static byte string.
pub static FIRST: u8 = unsafe { *b"x".as_ptr() };

pub fn nested_in_a_justified_block(p: *const u8) -> u8 {
    // SAFETY: the caller passes a valid pointer.
    unsafe {
        let inner = unsafe { *p };
        inner
    }
}
