//! Leaking values by skipping their destructors.

use std::mem;
use std::mem::forget;

pub fn all_the_spellings(a: Vec<u8>, b: Vec<u8>, c: Vec<u8>, d: Vec<u8>, e: Vec<u8>) {
    std::mem::forget(a); // ~ finding: mem_forget
    core::mem::forget(b); // ~ finding: mem_forget
    mem::forget(c); // ~ finding: mem_forget
    forget(d); // ~ finding: mem_forget
    mem::forget::<Vec<u8>>(e); // ~ finding: mem_forget
}

#[allow(clippy::mem_forget)]
pub fn allowed(a: Vec<u8>) {
    mem::forget(a); // ~ suppressed: mem_forget
}

pub fn commented(a: Vec<u8>) {
    mem::forget(a); // rustlens:allow(mem_forget) ~ suppressed: mem_forget
}

#[cfg(test)]
mod tests {
    #[test]
    fn in_tests() {
        std::mem::forget(vec![1u8]); // ~ finding: mem_forget
    }
}
