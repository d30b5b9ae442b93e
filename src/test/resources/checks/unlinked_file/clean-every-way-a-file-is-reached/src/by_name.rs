//! By name.
