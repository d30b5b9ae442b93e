pub struct Reexported; // ~ finding: missing_docs

pub struct NotReexported;

impl NotReexported {
    pub fn method(&self) {}
}

impl Reexported {
    pub fn method(&self) {} // ~ finding: missing_docs
}

pub struct Renamed; // ~ finding: missing_docs

pub mod globbed {
    pub fn globbed_fn() {} // ~ finding: missing_docs
    pub(crate) fn crate_fn() {}
}

pub mod nested;
