//! Nothing here: the checks are in `tests/`. See `Cargo.toml` for why this crate exists.
#![no_std]
