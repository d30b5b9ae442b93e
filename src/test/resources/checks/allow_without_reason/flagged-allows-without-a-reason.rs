#![allow(clippy::module_name_repetitions)] // ~ finding: allow_without_reason
//! A crate that silences lints without saying why.

#[allow(dead_code)] // ~ finding: allow_without_reason
fn unused() {}

#[expect(clippy::cast_possible_truncation)] // ~ finding: allow_without_reason
pub fn truncate(x: u64) -> u32 {
    x as u32
}

#[allow( // ~ finding: allow_without_reason
    clippy::too_many_arguments,
    clippy::similar_names
)]
pub fn many(a: u8, b: u8, c: u8, d: u8, e: u8, f: u8, g: u8, h: u8) -> u8 {
    a + b + c + d + e + f + g + h
}

pub mod inner {
    #![expect(missing_docs)] // ~ finding: allow_without_reason

    pub fn f() {}
}

pub fn statement() -> u32 {
    #[allow(unused_variables)] // ~ finding: allow_without_reason
    let unused = 1;
    2
}

#[derive(Debug)]
#[allow(clippy::upper_case_acronyms)] // ~ finding: allow_without_reason
pub struct HTTP;

#[cfg(test)]
mod tests {
    #[allow(clippy::unwrap_used)] // ~ finding: allow_without_reason
    #[test]
    fn parses() {
        assert_eq!("1".parse::<u32>().unwrap(), 1);
    }
}
