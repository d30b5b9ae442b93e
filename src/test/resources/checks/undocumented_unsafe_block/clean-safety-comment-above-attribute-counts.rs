//! The SAFETY: comment counts with attributes between it and the block (rust-clippy #15915, #8679).

pub unsafe fn f() {}

pub fn attribute_between() {
    // SAFETY: `f` has no preconditions.
    #[allow(
        unused // a multi-line attribute
    )]
    unsafe {
        f();
    }
}

pub fn attribute_and_comment_between() {
    // SAFETY: `f` has no preconditions.
    // A note that is not about safety.
    #[allow(unused_unsafe)]
    unsafe {
        f();
    }
}

pub fn attribute_on_return(err: i32) -> Result<(), i32> {
    // SAFETY: `f` has no preconditions (rust-clippy #13189).
    #[allow(clippy::unnecessary_cast)]
    return Err(unsafe { f(); err as i32 });
}
