//! Exact derivatives of numeric code, with no heap allocation.
//!
//! typegrad differentiates code written once against [`num_traits::Float`]:
//!
//! ```
//! use typegrad::{derivative, gradient, grad, jacobian, hessian, Float};
//!
//! fn f<T: Float>([x, y]: [T; 2]) -> T {
//!     y.powi(3) * T::from(10.0).unwrap() * x.sin().exp() + x.cos().powi(2)
//! }
//! let (v, g) = gradient(f, [2.0, 3.0]); // f64, [f64; 2]
//! let f_grad = grad(f); // a function, as autograd's grad
//! assert_eq!(f_grad([2.0, 3.0]), g);
//! let (x, y) = (2.0_f64, 3.0_f64);
//! assert_eq!(v, f([x, y]));
//! let dx = y.powi(3) * 10.0 * x.sin().exp() * x.cos() - 2.0 * x.sin() * x.cos();
//! let dy = 3.0 * y.powi(2) * 10.0 * x.sin().exp();
//! assert!((g[0] - dx).abs() < 1e-12 * dx.abs() && (g[1] - dy).abs() < 1e-12 * dy);
//!
//! let (v, d) = derivative(|x| x.sin() * x, 1.0); // f64, f64
//! let (v, g, h) = hessian(f, [2.0, 3.0]); // f64, [f64; 2], [[f64; 2]; 2]
//! assert_eq!(h[0][1], h[1][0]);
//! let (fx, j) = jacobian(|[x, y]| [x * y, x + y], [1.0, 2.0]);
//! assert_eq!((fx, j), ([2.0, 3.0], [[2.0, 1.0], [1.0, 1.0]]));
//! ```
//!
//! The function receives [`Dual`] numbers: a value with tangents, each operation applying
//! the chain rule to all of them. Duals implement every method of `Float`, nest for higher
//! derivatives (`Dual<Dual<f64>>`), and never allocate. Past 64 inputs (8 for a Hessian) the
//! function is called once per chunk of inputs, so a dual carries at most 32 tangents (8 over
//! 8) whatever the input count ([`Chunking`]; [`Chunked`] picks another chunk length), with
//! the same results to the bit; each entry point's docs give its stack use.
//!
//! # Three modes, one rule table
//!
//! | mode | for | a gradient costs |
//! |---|---|---|
//! | forward: [`gradient`], [`Dual`] | few inputs, Hessians, any generic `Float` code | `O(N)` per operation |
//! | reverse expressions: [`reverse`] | formulas written as expressions | the hand-written backprop, after inlining |
//! | the stack tape: [`tape`] | many inputs, generic `Float` code you cannot change | `O(1)` per operation, one sweep |
//!
//! ```
//! use typegrad::reverse::{self, Expr};
//! use typegrad::{tape, Float};
//! // The same gradient in reverse mode, as an expression and on a tape.
//! let (v, g) = reverse::gradient(|(x, y)| x * y.sin(), (2.0_f64, 0.0));
//! assert_eq!((v, g), (0.0, [0.0, 2.0]));
//! let (v, g) = tape::gradient::<_, 4>(|[x, y]| x * y.sin(), [2.0_f64, 0.0]).unwrap();
//! assert_eq!((v, g), (0.0, [0.0, 2.0]));
//! ```
//!
//! All derivative formulas live in one table, [`rules`], which every mode calls; [`check`]
//! compares any derivative with finite differences.
//!
//! # Features
//!
//! - `std` (default): the platform's math library, through num-traits.
//! - `libm`: pure-Rust math for `no_std` targets; build with
//!   `default-features = false, features = ["libm"]`.
//!
//! The crate is `#![no_std]` either way, has no `unsafe` code and never allocates.
//!
//! # Derivatives at special points
//!
//! Values follow IEEE 754 and the platform's math library. Derivatives follow this table;
//! every row has a test (`tests/special_points.rs`, and `tests/mode_agreement.rs` for the
//! logarithms and for the three modes agreeing at such points). A NaN or infinity in an input flows
//! through to the outputs; nothing panics.
//!
//! | where | derivative | why |
//! |---|---|---|
//! | `sqrt` at `+0` and `−0` | `+∞` | the one-sided limit; the sign of zero does not flip it |
//! | `ln`, `log2`, `log10`, `log` at `+0` and `−0` | `+∞` (`1/(|x| ln b)`) | as `sqrt` |
//! | `cbrt` at `±0` | `+∞` | the limit from both sides |
//! | `abs` at `+0` and `−0` | `0` | the subgradient of least magnitude; elsewhere `±1` |
//! | `signum`, `floor`, `ceil`, `round`, `trunc` | `0` everywhere, jumps included | piecewise constant |
//! | `powf(x, y)` at `x = 0`, `0 < y < 1` | `∂x = +∞`, `∂y = 0` | `y·xʸ⁻¹`; `xʸ ln x → 0` |
//! | `powf(x, y)` at `x = 0`, `y = 1` | `∂x = 1`, `∂y = 0` | |
//! | `powf(x, y)` at `x = 0`, `y > 1` | `∂x = 0`, `∂y = 0` | |
//! | `powf(x, y)` at `y = 0` (any `x`, also `0`) | `∂x = 0`, `∂y = ln x` | `x⁰ = 1` is constant in `x` |
//! | `powf(x, y)` at `x < 0`, integer `y` | `∂x = y·xʸ⁻¹`, `∂y = NaN` | `xʸ` is not real for nearby `y` |
//! | `powi(x, 0)` at any `x`, also `0` | `0`, and every higher derivative `0` | constant |
//! | `atan2(0, 0)` (any signs of zero) | `(0, 0)` | no limit exists; the value is `±0` or `±π` |
//! | `atan2(y, 0)`, `y ≠ 0` | `∂y = 0`, `∂x = −1/y` | the usual formula, finite |
//! | `hypot(0, 0)` | `(0, 0)` | as `abs` at 0 |
//! | `hypot` at huge arguments (`1e300`) | `(x, y)/hypot`, no overflow | never squares |
//! | `asin`, `acos` at `±1`; `acosh` at `1` | `±∞` | the one-sided limit |
//! | `max(x, y)`, `min(x, y)` at `x = y` | follows `x` (the receiver) | ties pick the first argument |
//! | `max`, `min` with one NaN | follows the other argument | as `f64::max` |
//! | `clamp(x, lo, hi)` at `x = lo` or `x = hi` | follows `x` | the bound is taken only past it; crossed bounds (`lo > hi`) give `hi` |
//! | `abs_sub(x, y)` at `x = y` | `(0, 0)` | the value is `0` there |
//! | `copysign(x, s)` at `x = ±0` | `∂x = ±1` (`+1` when the signs of `x` and `s` agree), `∂s = 0` | the sign bit decides, as for the value |
//! | outside a function's domain (`ln` of a negative, `atanh(2)`, `x % 0`, …) | NaN | the value is NaN there |
//!
//! **Zero times infinity.** Some functions have an infinite derivative where their value
//! is finite: `sqrt`, `cbrt`, `asin`, `acos`, `acosh`, `atanh`, `ln`, `ln_1p`, `log`,
//! `log2`, `log10`, `recip`, `powi`, `powf`, `atan2`, `hypot`. Where their derivative is
//! infinite or NaN, forward mode keeps a zero tangent zero instead of computing
//! `0 · ∞ = NaN`: the derivative of `sqrt(x) + y` in `y` at `x = 0` is `1`, not NaN,
//! exactly as reverse mode gives it (there `y`'s adjoint never passes through `sqrt`).
//! Every other operation, the arithmetic operators and `sin`, `exp` and the rest whose
//! derivative is finite wherever their value is, follows plain IEEE arithmetic, which meets
//! `0 · ∞` only where a value is already infinite or NaN (forward mode gives `x · y` at
//! `x = ∞, y = 1` a NaN derivative in `x`, where reverse mode gives `1`).

#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod array;
pub mod check;
mod dual;
mod forward;
mod number;
pub mod reverse;
pub mod rules;
mod scalar;
pub mod tape;

pub use dual::Dual;
pub use forward::{
    Chunked, Chunking, Duals, HessianDuals, derivative, grad, gradient, hessian, jacobian, jvp,
};
pub use num_traits::{Float, FloatConst};
pub use scalar::{Length, Scalar};

pub use generic_array;
pub use typenum;

/// The README's examples, compiled and run as doctests so they stay true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
