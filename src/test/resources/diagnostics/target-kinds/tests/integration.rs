fn three() -> usize {
    return 3;
}

#[test]
fn counts() {
    assert_eq!(target_kinds::count(b"abc"), three());
}
