#[test]
fn adds() {
    assert_eq!(tested::add(1, 1), Some(2));
}
