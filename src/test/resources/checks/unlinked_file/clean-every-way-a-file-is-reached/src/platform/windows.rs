//! Chosen on Windows.
