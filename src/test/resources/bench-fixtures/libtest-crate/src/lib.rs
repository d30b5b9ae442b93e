//! A nightly `#![feature(test)]` benchmark, for real libtest `cargo bench` output.
#![feature(test)]
extern crate test;

/// Sum of the squares of `0..n`.
pub fn sum_of_squares(n: u64) -> u64 {
    (0..n).map(|i| i * i).sum()
}

#[cfg(test)]
mod benches {
    use super::sum_of_squares;
    use test::{black_box, Bencher};

    #[bench]
    fn squares_1000(b: &mut Bencher) {
        b.iter(|| sum_of_squares(black_box(1000)));
    }

    #[bench]
    fn sort_1000(b: &mut Bencher) {
        let data: Vec<u32> = (0..1000u32).rev().collect();
        b.bytes = 4000;
        b.iter(|| {
            let mut copy = data.clone();
            copy.sort();
            copy
        });
    }
}
