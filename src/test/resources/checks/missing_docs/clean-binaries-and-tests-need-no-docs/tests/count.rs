pub fn expected() -> u32 {
    1
}

#[test]
fn counts() {
    assert_eq!(tool::count(), expected());
}
