//! Reinterpreting bits.

use std::mem;
use std::mem::transmute;

pub fn all_the_spellings(x: u32) -> f32 {
    // SAFETY: every u32 bit pattern is a valid f32.
    unsafe {
        let a: f32 = std::mem::transmute(x); // ~ finding: transmute
        let b: f32 = core::mem::transmute(x); // ~ finding: transmute
        let c: f32 = mem::transmute(x); // ~ finding: transmute
        let d = transmute::<u32, f32>(x); // ~ finding: transmute
        let e = ::std::mem::transmute::<u32, f32>(x); // ~ finding: transmute
        let f: f32 = mem::transmute_copy(&x); // ~ finding: transmute
        a + b + c + d + e + f
    }
}

pub fn nested(x: u32) -> u32 {
    // SAFETY: u32 to u32.
    unsafe {
        u32::from(mem::transmute::<u8, u8>(mem::transmute::<u32, [u8; 4]>(x)[0])) // ~ finding: transmute, transmute
    }
}

pub fn suppressed(x: u32) -> f32 {
    // SAFETY: every u32 bit pattern is a valid f32.
    // rustlens:allow(transmute)
    unsafe { mem::transmute(x) } // ~ suppressed: transmute
}

#[test]
fn tests_are_checked_too() {
    // SAFETY: every u32 bit pattern is a valid f32.
    let x: f32 = unsafe { std::mem::transmute(1u32) }; // ~ finding: transmute
    assert!(x > 0.0);
}
