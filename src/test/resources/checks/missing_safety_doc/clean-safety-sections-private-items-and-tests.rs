//! Documented unsafe API, private unsafe items, and test code.

/// Reads a byte.
///
/// # Safety
/// `p` must be valid for reads.
pub unsafe fn documented(p: *const u8) -> u8 {
    *p
}

/// Reads a byte.
///
/// ## Safety
///
/// `p` must be valid for reads.
#[inline]
#[must_use]
pub unsafe fn attributes_after_the_docs(p: *const u8) -> u8 {
    *p
}

/**
 * Reads a byte.
 *
 * # Safety
 * `p` must be valid for reads.
 */
pub unsafe fn block_doc(p: *const u8) -> u8 {
    *p
}

#[doc = "Reads a byte."]
#[doc = "# Safety"]
#[doc = "`p` must be valid for reads."]
pub unsafe fn doc_attributes(p: *const u8) -> u8 {
    *p
}

unsafe fn private(p: *const u8) -> u8 {
    *p
}

pub(crate) unsafe fn crate_visible(p: *const u8) -> u8 {
    private(p)
}

/// A source of bytes.
pub trait Source {
    /// Reads without checks.
    ///
    /// # Safety
    /// The source must not be empty.
    unsafe fn read_unchecked(&self) -> u8;

    /// A safe method needs no section.
    fn read(&self) -> u8;
}

trait PrivateSource {
    unsafe fn read_unchecked(&self) -> u8;
}

/// Types that are plain old data.
///
/// # Safety
/// Every bit pattern must be a valid value.
pub unsafe trait Pod {}

/// A private unsafe trait still binds its implementations.
///
/// # Safety
/// Implementations must be plain old data.
unsafe trait PrivatePod {}

pub struct Buffer(Vec<u8>);

/// # Safety
/// A `Vec<u8>` is plain old data.
unsafe impl Pod for Buffer {}

impl Source for Buffer {
    unsafe fn read_unchecked(&self) -> u8 {
        *self.0.get_unchecked(0)
    }

    fn read(&self) -> u8 {
        self.0[0]
    }
}

#[cfg(test)]
mod tests {
    pub unsafe fn helper(p: *const u8) -> u8 {
        *p
    }

    #[test]
    fn reads() {
        pub unsafe fn inner(p: *const u8) -> u8 {
            *p
        }
        let x = 1u8;
        assert_eq!(unsafe { inner(&x) }, unsafe { helper(&x) });
    }
}
