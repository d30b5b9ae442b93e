//! Items behind unstable features (or cfg'd out) that rustc parses all the same.

#[cfg(feature = "nightly")]
pub auto trait ArchiveCopy {}

#[cfg(feature = "nightly")]
pub unsafe auto trait Freeze {}

#[cfg(feature = "nightly")]
default impl<T> Clone for Wrapper<T> {
    fn clone(&self) -> Self {
        unimplemented!()
    }
}

pub struct Wrapper<T>(T);

#[cfg(any())]
impl !Trait {}

#[cfg(any())]
impl !! {}
