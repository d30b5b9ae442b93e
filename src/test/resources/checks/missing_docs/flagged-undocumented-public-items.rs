//! A crate with gaps in its documentation.

pub fn undocumented() {} // ~ finding: missing_docs

pub struct Point { // ~ finding: missing_docs
    pub x: i32, // ~ finding: missing_docs
    hidden_field: i32,
}

/// Tuple fields need no docs, as rustc sees it.
pub struct Pair(pub u8, pub u8);

pub enum Mode { // ~ finding: missing_docs
    Fast, // ~ finding: missing_docs
    Custom { // ~ finding: missing_docs
        level: u8, // ~ finding: missing_docs
    },
}

pub union Bits { // ~ finding: missing_docs
    pub int: u32, // ~ finding: missing_docs
    pub float: f32, // ~ finding: missing_docs
}

pub trait Shape { // ~ finding: missing_docs
    fn area(&self) -> f64; // ~ finding: missing_docs
    type Unit; // ~ finding: missing_docs
    const SIDES: u8; // ~ finding: missing_docs
}

pub type Id = u32; // ~ finding: missing_docs

pub const MAX: u32 = 1; // ~ finding: missing_docs

pub static NAME: &str = "x"; // ~ finding: missing_docs

pub mod inline { // ~ finding: missing_docs
    pub fn inner() {} // ~ finding: missing_docs
}

/// Documented.
pub struct Documented;

impl Documented {
    pub fn method(&self) {} // ~ finding: missing_docs
    pub const LIMIT: u8 = 1; // ~ finding: missing_docs
    fn private_method(&self) {}
}

impl Clone for Documented {
    fn clone(&self) -> Self {
        Documented
    }
}

#[macro_export]
macro_rules! exported { // ~ finding: missing_docs
    () => {};
}

macro_rules! local {
    () => {};
}

extern "C" {
    pub fn c_function(); // ~ finding: missing_docs
}

#[derive(Debug, Clone)]
pub struct OnlyAttributes; // ~ finding: missing_docs

// A plain comment is not documentation.
pub fn commented() {} // ~ finding: missing_docs

/// Docs of the function above do not reach past it.
pub fn first() {}
pub fn second() {} // ~ finding: missing_docs

pub async unsafe fn modifiers() {} // ~ finding: missing_docs
