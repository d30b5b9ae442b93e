//! Valid syntax the grammar 0.24 reads as errors: empty generic arguments, a closure returning a
//! range without a start, the unit type bounded in a where clause, a unit struct with a where
//! clause, and attributes on the fields of a struct pattern.

pub fn empty() -> Option<u8> {
    Option::<>::None
}

pub fn shrink(ends: Vec<u8>) -> Vec<std::ops::RangeToInclusive<u8>> {
    ends.into_iter().map(|end| ..=end).collect()
}

pub trait Private<N> {}

pub fn bounded<N>()
where
    (): Private<N>,
{
}

pub struct Marker
where
    u8: Copy;

pub struct Literal {
    pub inner: u8,
}

pub fn field_attributes(literal: Literal) -> u8 {
    match literal {
        Literal {
            #[cfg(feature = "wrap")]
            inner: value,
            #[cfg(not(feature = "wrap"))]
            inner: value,
        } => value,
    }
}
