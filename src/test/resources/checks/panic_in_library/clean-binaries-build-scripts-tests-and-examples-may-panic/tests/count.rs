fn parsed(text: &str) -> u32 {
    match tool::count(text) {
        Ok(n) => n,
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn counts() {
    assert_eq!(parsed("3"), 3);
}
