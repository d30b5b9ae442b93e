//! Safe conversions, and functions that merely share the name.

pub struct Bits;

impl Bits {
    pub fn transmute(x: u32) -> u32 {
        x
    }
}

pub fn safe(x: u32) -> f32 {
    let bits = Bits::transmute(x);
    let from_bits = f32::from_bits(bits);
    let bytes = bits.to_ne_bytes();
    from_bits + f32::from(bytes[0])
}

pub fn named_in_a_string() -> &'static str {
    "std::mem::transmute(x)"
}
