pub fn fine() -> u32 {
    1
}

pub fn broken( { // ~ finding: parse_error
    let x = 1;
}
