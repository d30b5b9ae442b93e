//! Only what the crate exports needs docs, however `pub` it is declared.

mod private;
/// Documented here.
pub mod documented;
pub mod public;
pub mod undocumented; // ~ finding: missing_docs
#[path = "platform/linux.rs"]
pub mod sys; // ~ finding: missing_docs
pub(crate) mod crate_only;
#[cfg(test)]
pub mod test_support;

pub use private::Reexported;
pub use private::globbed::*;
pub use self::private::Renamed as Other;
pub use private::nested::Deep;
