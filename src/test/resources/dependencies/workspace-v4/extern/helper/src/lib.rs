//! extern/helper
