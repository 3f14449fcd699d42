//! The workloads of issue 5: each a formula written once against [`Real`](crate::Real)
//! (for the plain function, typegrad forward mode, num-dual and autodiff), a hand-written
//! gradient, and the same formula in typegrad's reverse mode.

pub mod arm;
pub mod black_scholes;
pub mod logistic;
pub mod rat43;
pub mod rosenbrock;
pub mod sinexp;
pub mod tutorial;
