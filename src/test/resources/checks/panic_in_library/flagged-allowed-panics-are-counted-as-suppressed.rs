#[allow(clippy::panic)]
pub fn checked(n: u8) -> u8 {
    if n == 0 {
        panic!("zero"); // ~ suppressed: panic_in_library
    }
    n
}

#[expect(clippy::todo, reason = "planned for 0.2")]
pub fn later() -> u32 {
    todo!() // ~ suppressed: panic_in_library
}

pub fn pick(n: u8) -> &'static str {
    match n % 2 {
        0 => "even",
        1 => "odd",
        // rustlens:allow(panic_in_library) n % 2 is 0 or 1
        _ => unreachable!(), // ~ suppressed: panic_in_library
    }
}

#[allow(clippy::unwrap_used)]
pub fn other(n: u8) -> u8 {
    unimplemented!() // ~ finding: panic_in_library
}
