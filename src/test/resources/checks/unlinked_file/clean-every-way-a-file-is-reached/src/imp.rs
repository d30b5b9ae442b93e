//! The file found by its name where no cfg_attr path applies.
