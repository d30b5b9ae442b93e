//! Rust 2024: `unsafe extern` blocks with `safe` and `unsafe` items, unsafe attributes, let chains.

unsafe extern "C" {
    pub safe fn abs(input: i32) -> i32;
    pub unsafe fn strlen(s: *const u8) -> usize;
    pub safe static ERRNO: i32;
}

unsafe extern {
    safe fn rand() -> i32;
}

#[unsafe(no_mangle)]
pub extern "C" fn exported() -> i32 {
    abs(-1) + rand()
}

#[unsafe(export_name = "other_name")]
pub extern "C" fn renamed() {}

pub fn chained(a: Option<u8>, b: Option<u8>) -> u8 {
    if let Some(x) = a && let Some(y) = b && x > y {
        x - y
    } else {
        0
    }
}
