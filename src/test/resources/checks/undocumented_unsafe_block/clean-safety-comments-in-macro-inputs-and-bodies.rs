//! Unsafe blocks in a macro's input are code, justified like any other; so are those of a
//! macro_rules! body, by the comment above them in the body.

pub fn asserted(p: *const u8) {
    // SAFETY: the caller passes a valid pointer.
    assert!(unsafe { *p } == 0);
}

pub fn formatted(p: *const u8) -> String {
    format!("{}", {
        // SAFETY: the caller passes a valid pointer.
        unsafe { *p }
    })
}

pub fn in_a_vec(p: *const u8) -> Vec<u8> {
    // SAFETY: the caller passes a valid pointer.
    let bytes = vec![unsafe { *p }];
    bytes
}

macro_rules! read {
    ($p:expr) => {
        // SAFETY: every caller passes a valid pointer.
        unsafe { *$p }
    };
}

macro_rules! read_all {
    ($($p:expr),*) => {
        $(
            // SAFETY: every caller passes valid pointers.
            unsafe { *$p };
        )*
    };
}

pub fn via_macros(p: *const u8) -> u8 {
    read_all!(p, p);
    read!(p)
}

macro_rules! not_rust_code {
    ($($tokens:tt)*) => {};
}

not_rust_code! {
    unsafe { ~~ weird tokens ~~ }
}
