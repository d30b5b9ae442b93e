//! Boxes that are freed, and `leak` functions of other types.

pub struct Pool;

impl Pool {
    pub fn leak(value: u8) -> u8 {
        value
    }
}

pub fn owned() -> Box<u8> {
    let boxed = Box::new(1u8);
    let raw = Box::into_raw(Box::new(2u8));
    // SAFETY: `raw` came from `Box::into_raw` just above.
    let back = unsafe { Box::from_raw(raw) };
    Box::new(*boxed + *back + Pool::leak(3))
}
