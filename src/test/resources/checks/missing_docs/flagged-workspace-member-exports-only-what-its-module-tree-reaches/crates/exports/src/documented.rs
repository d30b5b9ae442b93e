pub fn in_documented() {} // ~ finding: missing_docs
