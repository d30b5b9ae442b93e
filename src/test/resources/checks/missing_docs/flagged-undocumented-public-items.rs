//! A crate with gaps in its documentation.

pub fn undocumented() {} // ~ finding: missing_docs

pub struct Point { // ~ finding: missing_docs
    pub x: i32,
}

pub enum Mode { // ~ finding: missing_docs
    Fast,
}

pub union Bits { // ~ finding: missing_docs
    pub int: u32,
    pub float: f32,
}

pub trait Shape {} // ~ finding: missing_docs

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
