//! Declared in the macro, for other platforms.
