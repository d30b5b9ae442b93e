//! A crate root with unsafe code only in its tests, which are exempt.

pub fn first(bytes: &[u8]) -> Option<u8> {
    bytes.first().copied()
}

#[cfg(test)]
mod tests {
    #[test]
    fn agrees_with_get_unchecked() {
        let bytes = [1u8];
        // SAFETY: the array is not empty.
        assert_eq!(super::first(&bytes), Some(unsafe { *bytes.get_unchecked(0) }));
    }
}

#[test]
fn reads_a_pointer() {
    let x = 1u8;
    // SAFETY: `x` lives across the read.
    assert_eq!(unsafe { *(&x as *const u8) }, 1);
}
