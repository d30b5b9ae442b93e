fn helper() -> u8 {
    if super::one() != 1 {
        panic!("one is not one");
    }
    Some(1).unwrap()
}

#[test]
fn works() {
    assert_eq!(helper(), 1);
}

mod nested;
