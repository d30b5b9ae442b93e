pub fn only_for_tests() {}
