//! a local either
