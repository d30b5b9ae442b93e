//! Library code that panics.

pub fn parse(flag: &str) -> bool {
    match flag {
        "yes" => true,
        "no" => false,
        other => panic!("not a flag: {other}"), // ~ finding: panic_in_library
    }
}

pub fn later() -> u32 {
    todo!() // ~ finding: panic_in_library
}

pub trait Shape {
    fn area(&self) -> f64;
}

pub struct Circle;

impl Shape for Circle {
    fn area(&self) -> f64 {
        unimplemented!("circles") // ~ finding: panic_in_library
    }
}

pub fn pick(n: u8) -> &'static str {
    match n % 2 {
        0 => "even",
        1 => "odd",
        _ => core::unreachable!(), // ~ finding: panic_in_library
    }
}

pub fn checked(n: u8) -> u8 {
    if n == 0 {
        std::panic!("zero"); // ~ finding: panic_in_library
    }
    n
}

pub fn nested(n: Option<u8>) -> String {
    format!("{}", n.unwrap_or_else(|| unreachable!("always set"))) // ~ finding: panic_in_library
}

// A macro_rules! body is code only where it is expanded: clippy reports nothing at the
// definition, and neither does rustlens.
macro_rules! fail {
    ($message:expr) => {
        panic!("failed: {}", $message)
    };
}
