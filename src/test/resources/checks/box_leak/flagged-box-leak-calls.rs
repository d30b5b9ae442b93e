//! Allocations given up for the rest of the program.

pub fn all_the_spellings() -> (&'static str, &'static mut u8, &'static [u8]) {
    let a = Box::leak(String::from("a").into_boxed_str()); // ~ finding: box_leak
    let b = std::boxed::Box::leak(Box::new(1u8)); // ~ finding: box_leak
    let c: &'static [u8] = Box::<[u8]>::leak(vec![1].into_boxed_slice()); // ~ finding: box_leak
    (a, b, c)
}

pub fn config() -> &'static String {
    // rustlens:allow(box_leak)
    Box::leak(Box::new(String::new())) // ~ suppressed: box_leak
}

#[test]
fn tests_are_checked_too() {
    let x: &'static mut u8 = Box::leak(Box::new(1)); // ~ finding: box_leak
    *x += 1;
}
