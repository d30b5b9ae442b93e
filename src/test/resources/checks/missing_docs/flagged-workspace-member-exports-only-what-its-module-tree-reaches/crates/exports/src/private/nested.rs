pub struct Deep { // ~ finding: missing_docs
    pub field: u8, // ~ finding: missing_docs
}

pub struct Shallow;
