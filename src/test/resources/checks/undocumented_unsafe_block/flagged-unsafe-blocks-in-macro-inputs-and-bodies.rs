//! Unsafe blocks in a macro's input, and in a macro_rules! body, need their justification too.

pub fn asserted(p: *const u8) {
    assert!(unsafe { *p } == 0); // ~ finding: undocumented_unsafe_block
}

pub fn formatted(p: *const u8) -> String {
    format!("{}", unsafe { *p }) // ~ finding: undocumented_unsafe_block
}

pub fn nested(p: *const u8) -> Vec<u8> {
    vec![u8::from(std::convert::identity(unsafe { *p }))] // ~ finding: undocumented_unsafe_block
}

macro_rules! read {
    ($p:expr) => {
        unsafe { *$p } // ~ finding: undocumented_unsafe_block
    };
}

macro_rules! read_all {
    ($($p:expr),*) => {
        $(
            unsafe { *$p }; // ~ finding: undocumented_unsafe_block
        )*
    };
}

pub fn via_macros(p: *const u8) -> u8 {
    read_all!(p, p);
    read!(p)
}
