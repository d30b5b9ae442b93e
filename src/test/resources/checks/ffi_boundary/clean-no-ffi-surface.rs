//! Plain Rust: no foreign code in sight.

extern crate core;

pub struct Point {
    pub x: i32,
}

pub fn rust_abi(point: Point) -> i32 {
    point.x
}

#[inline]
#[must_use]
pub const fn with_attributes(x: i32) -> i32 {
    x
}

pub unsafe fn unsafe_is_not_ffi(p: *const i32) -> i32 {
    // SAFETY: the caller promises a valid pointer.
    unsafe { *p }
}

pub trait Shape {
    fn area(&self) -> u64;
}
