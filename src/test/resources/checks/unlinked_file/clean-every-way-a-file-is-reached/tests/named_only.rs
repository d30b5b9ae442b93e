#[test] fn named() {}
