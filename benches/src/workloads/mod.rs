//! The workloads of issue 5: each a formula written once against [`Real`](crate::Real)
//! (for the plain function, typegrad forward mode, num-dual and autodiff), a hand-written
//! gradient, and the same formula in typegrad's reverse mode.

pub mod arm;
pub mod black_scholes;
pub mod logistic;
pub mod rat43;
pub mod rnn;
pub mod rosenbrock;
pub mod sinexp;
pub mod tutorial;

/// Fixed pseudo-random numbers in `[0, 1)` (a linear congruential generator, so every run and
/// every backend sees the same data).
pub fn uniform() -> impl FnMut() -> f64 {
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 11) as f64 / (1u64 << 53) as f64
    }
}
