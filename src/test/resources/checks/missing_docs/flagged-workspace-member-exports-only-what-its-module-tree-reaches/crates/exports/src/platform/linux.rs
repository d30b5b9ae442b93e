pub fn from_a_path_attribute() {} // ~ finding: missing_docs
