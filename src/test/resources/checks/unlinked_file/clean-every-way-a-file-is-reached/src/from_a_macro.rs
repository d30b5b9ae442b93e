//! Declared in a macro.
