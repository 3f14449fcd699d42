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
//! On the tape, code written as reverse-mode expressions can be recorded a statement at a
//! time ([`stmt!`]): one record per expression instead of one per operation.
//!
//! For code that needs `'static` (or `Send`, `Sync`) scalars, such as nalgebra's, [`global`]
//! is the tape again with variables that hold no reference.
//!
//! # Features
//!
//! - `std` (default): the platform's math library, through num-traits.
//! - `libm`: pure-Rust math for `no_std` targets; build with
//!   `default-features = false, features = ["libm"]`.
//! - `nalgebra`: simba's `RealField` and `ComplexField` (nalgebra 0.35's scalar traits)
//!   for [`Dual`] and [`global::Var`]; see [nalgebra](#nalgebra). It works with nalgebra's
//!   `default-features = false` and its `libm` feature too; this crate's `std` or `libm`
//!   feature chooses the math.
//! - `approx`: approx's `AbsDiffEq`, `RelativeEq` and `UlpsEq`, of approx 0.5 and of approx
//!   0.4 (which cgmath's `BaseFloat` asks for), for [`Dual`], [`tape::Active`] and
//!   [`global::Var`]. **They compare the values only**, as `==` does: code that tests
//!   convergence with approx (nalgebra's decompositions do) then takes the branches of the
//!   plain computation. Compare tangents as arrays where they matter.
//! - `critical-section`: [`global`] without `std`, its store behind a
//!   `critical_section::Mutex`.
//!
//! The crate is `#![no_std]` in every case and never allocates. It has no `unsafe` code
//! (`#![forbid(unsafe_code)]`), with one exception under the `nalgebra` feature: simba's
//! `SimdValue` declares two `unsafe fn`s, `extract_unchecked` and `replace_unchecked`, which
//! a scalar must implement. With that feature the crate is `#![deny(unsafe_code)]` with one
//! scoped `#[allow(unsafe_code)]` on each of the two, and their bodies are safe code (one
//! lane: they are `extract` and `replace`).
//!
//! # The num-traits surface
//!
//! [`Dual`], [`tape::Active`] and [`global::Var`] implement the traits of num-traits 0.2.19
//! that `f64` implements: `Zero`, `One`, `Num`, `NumCast`, `ToPrimitive`, `FromPrimitive`,
//! `Signed`, `Bounded` (and `LowerBounded`, `UpperBounded`), `Float`, `FloatCore`, `Real`,
//! `FloatConst`, `TotalOrder` (of the values), `Euclid`, `Inv` (also on references),
//! `MulAdd`, `MulAddAssign`, `Pow` (with `i8`, `u8`, `i16`, `u16`, `i32`, the number
//! itself, and the plain base float, also on references), `AsPrimitive` (into itself and
//! the integers, from every primitive number), the operators on references (so `NumRef`,
//! `RefNum`, `NumAssign` and `NumAssignRef` hold), and `From` the integers and `bool` that
//! the base float holds exactly (`f64`: `i8`–`i32`, `u8`–`u32`; `f32`: `i8`, `i16`, `u8`,
//! `u16`) and `From<f32>` over an `f64` base. [`Dual`] and [`global::Var`] also implement
//! `ConstZero` and `ConstOne`. Left out, and why:
//!
//! - `ToBytes`, `FromBytes`: a dual is `1 + N` numbers, with no standard byte layout, and
//!   the length of its byte array cannot be written from `N` in stable Rust.
//! - `AsPrimitive<f32>` and `AsPrimitive<f64>` on a number: `x as f64` has derivative 1,
//!   and the plain float would drop it without a word. Take the value explicitly
//!   (`value()`, or `ToPrimitive::to_f64`, which says it drops the derivatives).
//! - `From<f32>` for duals over an `f32` base nested in duals (`Dual<Dual<f32>>`): it would
//!   overlap `From<T>` in Rust's coherence rules; `Scalar::from_base` converts.
//! - `ConstZero`, `ConstOne` for [`tape::Active`]: its fields are private to the tape's
//!   module, whose constructor is not `const`.
//!
//! # nalgebra
//!
//! With the `nalgebra` feature, `Dual<T, N>` is a `RealField` for every `T` that is one
//! (`f32`, `f64`, and duals: `Dual<Dual<f64>>` gives second derivatives through nalgebra),
//! and [`global::Var`] is one too, for reverse mode. Everything `RealField` requires is
//! implemented: `SimdValue` (one lane), `PrimitiveSimdValue`, `Field`, `SubsetOf` (a plain
//! `f32` or `f64` is a constant; a number is in that subset when its derivatives are zero),
//! approx's traits, and, through simba's blanket impls, `SimdRealField`,
//! `SimdComplexField`, `SimdPartialOrd`, `SimdSigned`. `Complex<Dual<f64>>` is then a
//! `ComplexField` too (simba's impl). Each function takes its derivative from the rule
//! table; the branching methods (`argument`, `to_exp`, `try_sqrt`, `clamp`) branch on the
//! value as `f64`'s do.
//!
//! Derivatives through nalgebra's algorithms are those of the functions the algorithms
//! compute (tested in `interop/` against closed forms and finite differences, at 3×3 and
//! 6×6, to 1e-10: determinant, inverse, LU, QR and Cholesky solves, `SymmetricEigen`, SVD,
//! norms). Where no derivative exists, this is what you get (also tested there); the values
//! are always nalgebra's, and nothing panics:
//!
//! | where | what the tangents are |
//! |---|---|
//! | a repeated eigenvalue (`SymmetricEigen`) or singular value (SVD) | depending on the iterations the algorithm takes, either the diagonal of `VᵀȦV` (`UᵀȦV`) in the basis of the repeated subspace that it returns (finite; their sum over the cluster is right, the single values are not directional derivatives; eigen- or singular-vector tangents finite and meaningless), or, where a rotation inside the cluster divides by a gap of rounding size, vector tangents of order 1e14 and value tangents off by O(1) in the cluster (and up to 1e-3 for the other singular values). A matrix already diagonal in the cluster gives the diagonal of `Ȧ` and zero vector tangents |
//! | a singular matrix: `try_inverse`, `lu().solve`, `qr().solve` | `None`, decided on the value, as for `f64` |
//! | a singular matrix: `determinant` | the derivative exists (`adj(A):Ȧ`) and up to 3×3 (closed forms) you get it; from 4×4 (LU) you get it unless the LU meets an exactly zero pivot column, where nalgebra skips that elimination step (the value has nothing to eliminate) and the tangents of the entries below the pivot are dropped: for an exactly zero first column you get `Ȧ₀₀·C₀₀`, not `Σᵢ Ȧᵢ₀·Cᵢ₀` |
//! | `norm()` of a zero vector | `0`, the zero rule of `sqrt` (the one-sided derivative would be `‖ẋ‖`); `normalize()` of it is NaN, value and tangent |
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
#![cfg_attr(not(feature = "nalgebra"), forbid(unsafe_code))]
#![cfg_attr(feature = "nalgebra", deny(unsafe_code))]
#![warn(missing_docs)]

#[cfg(not(any(feature = "std", feature = "libm")))]
compile_error!(
    "typegrad needs a math library: enable its `std` feature (the default) or, for `no_std`, \
     `default-features = false, features = [\"libm\"]`"
);

#[cfg(feature = "std")]
extern crate std;

mod array;
pub mod check;
mod dual;
mod forward;
mod frame;
#[cfg(any(feature = "std", feature = "critical-section"))]
pub mod global;
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
