//! Unit tests of the speech pass.
