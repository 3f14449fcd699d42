//! One table of formulas, written once, run through forward mode (`typegrad::gradient` over
//! `Dual`s), reverse mode (`reverse::gradient` over expressions), plain `f64` (for the
//! finite-difference checker) and forward over forward / forward over reverse (Hessians).
//!
//! Every formula `F(x, y, z)` maps the box `[-2, 2]³` into `[-2, 2]` (checked below), uses
//! `x` exactly once, and stays clear of its functions' singularities on that box. So it
//! can be nested in itself, `F(F(F(x, y, z), y, z), y, z)`, to any depth with linear-sized
//! types; the tests go to depth 6 in `f64`, and to depth 2 in `f32` and for Hessians: each
//! level costs more compile time than the last (gradients to depth 6 in both `f64` and
//! `f32` took 78 s to build on two cores, mostly in LLVM).
//!
//! A constant argument of a binary *method* is written `k(..)`: each mode's module defines
//! `k` (a plain scalar for expressions, which take plain `f32`/`f64` operands; a constant
//! `Dual` for forward mode, whose binary methods take duals). Constants of operators are
//! plain literals, valid in every mode.
//!
//! Formulas with jumps or kinks give a `kink` expression (plain `f64`): the distance of the
//! point from the nearest non-smooth place, in the function's own argument. The
//! finite-difference check skips points closer than `KINK_MARGIN`; the forward/reverse
//! comparison runs everywhere (both modes take the same branch: values are computed by the
//! same rule from bit-identical arguments).

#![allow(deprecated)] // f64::abs_sub, in the plain-f64 instantiation
#![allow(unstable_name_collisions)] // `erf` on plain floats comes from `typegrad::Scalar`
#![allow(clippy::excessive_precision)]

mod common;

use std::cell::Cell;

use common::{covers_binary, covers_special, covers_unary};

use proptest::test_runner::{Config, TestCaseError, TestRunner};
use typegrad::{Dual, Duals, Scalar, reverse};

/// Distance of `v` from the nearest integer.
fn int_dist(v: f64) -> f64 {
    (v - v.round()).abs()
}

/// Distance of `v` from the nearest odd multiple of ½ (where `round` jumps).
fn half_dist(v: f64) -> f64 {
    (v - v.floor() - 0.5).abs()
}

macro_rules! formulas {
    ($m:ident) => {
        $m! {
            // Every method of the crate's one-argument list (checked below).
            sin: |x, y, z| x.sin() * y * 0.5 + z * 0.5;
            cos: |x, y, z| x.cos() * y * 0.5 + z * 0.5;
            tan: |x, y, z| (x * 0.6).tan() * y * 0.19 + z * 0.5;
            asin: |x, y, z| (x * 0.45).asin() * y * 0.4 + z * 0.5;
            acos: |x, y, z| (x * 0.45).acos() * y * 0.18 + z * 0.5;
            atan: |x, y, z| x.atan() * y * 0.45 + z * 0.5;
            sinh: |x, y, z| x.sinh() * y * 0.13 + z * 0.5;
            cosh: |x, y, z| x.cosh() * y * 0.13 + z * 0.5;
            tanh: |x, y, z| x.tanh() * y * 0.5 + z * 0.5;
            asinh: |x, y, z| x.asinh() * y * 0.3 + z * 0.5;
            acosh: |x, y, z| (x + 3.1).acosh() * y * 0.2 + z * 0.5;
            atanh: |x, y, z| (x * 0.45).atanh() * y * 0.3 + z * 0.5;
            exp: |x, y, z| (x * 0.5).exp() * y * 0.18 + z * 0.5;
            exp2: |x, y, z| x.exp2() * y * 0.12 + z * 0.5;
            exp_m1: |x, y, z| x.exp_m1() * y * 0.075 + z * 0.5;
            ln: |x, y, z| (x + 2.5).ln() * y * 0.3 + z * 0.5;
            ln_1p: |x, y, z| (x + 1.5).ln_1p() * y * 0.3 + z * 0.5;
            log2: |x, y, z| (x + 2.5).log2() * y * 0.2 + z * 0.5;
            log10: |x, y, z| (x + 2.5).log10() * y * 0.5 + z * 0.5;
            sqrt: |x, y, z| (x + 2.5).sqrt() * y * 0.23 + z * 0.5;
            cbrt: |x, y, z| (x - 2.5).cbrt() * y * 0.3 + z * 0.5;
            recip: |x, y, z| (x + 2.5).recip() * y * 0.25 + z * 0.5;
            to_degrees: |x, y, z| x.to_degrees() * y * 0.004 + z * 0.5;
            to_radians: |x, y, z| x.to_radians() * y * 10.0 + z * 0.5;
            floor: |x, y, z| (x * 2.0).floor() * y * 0.12 + z * 0.5, kink int_dist(x * 2.0);
            ceil: |x, y, z| (x * 2.0).ceil() * y * 0.12 + z * 0.5, kink int_dist(x * 2.0);
            round: |x, y, z| (x * 2.0).round() * y * 0.12 + z * 0.5, kink half_dist(x * 2.0);
            trunc: |x, y, z| (x * 2.0).trunc() * y * 0.12 + z * 0.5, kink int_dist(x * 2.0);
            fract: |x, y, z| (x * 2.0).fract() * y * 0.5 + z * 0.5, kink int_dist(x * 2.0);
            signum: |x, y, z| x.signum() * y * 0.5 + z * 0.5, kink x.abs();
            abs: |x, y, z| x.abs() * y * 0.25 + z * 0.5, kink x.abs();
            // The other one-argument methods.
            erf: |x, y, z| x.erf() * y * 0.5 + z * 0.5;
            erfc: |x, y, z| x.erfc() * y * 0.25 + z * 0.5;
            neg: |x, y, z| -x * y * 0.25 + z * 0.5;
            powi_3: |x, y, z| (x * 0.5).powi(3) * y * 0.5 + z * 0.5;
            powi_neg2: |x, y, z| (x + 2.5).powi(-2) * y * 0.12 + z * 0.5;
            powi_0: |x, y, z| x.powi(0) * y * 0.5 + z * 0.5;
            // Binary methods: with an expression on either side, and with a constant.
            powf: |x, y, z| (x + 2.5).powf(y * 0.5) * z * 0.11 + y * 0.5;
            powf_expr_exponent: |x, y, z| (y + 2.5).powf(x * 0.5) * z * 0.11 + y * 0.5;
            powf_scalar: |x, y, z| (x + 2.5).powf(k(1.5)) * y * 0.05 + z * 0.5;
            atan2: |x, y, z| (x + 2.5).atan2(y) * z * 0.15 + y * 0.5;
            atan2_expr_x: |x, y, z| y.atan2(x + 2.5) * z * 0.3 + y * 0.5;
            atan2_scalar: |x, y, z| x.atan2(k(1.5)) * y * 0.5 + z * 0.5;
            hypot: |x, y, z| x.hypot(y + 2.5) * z * 0.1 + y * 0.5;
            hypot_scalar: |x, y, z| x.hypot(k(0.5)) * y * 0.24 + z * 0.5;
            log: |x, y, z| (x + 2.5).log(y + 3.5) * z * 0.13 + y * 0.5;
            log_expr_base: |x, y, z| (y + 2.5).log(x + 3.5) * z * 0.13 + y * 0.5;
            log_scalar: |x, y, z| (x + 2.5).log(k(3.0)) * y * 0.35 + z * 0.5;
            max: |x, y, z| x.max(y) * z * 0.25 + y * 0.5, kink (x - y).abs();
            max_scalar: |x, y, z| x.max(k(0.3)) * y * 0.25 + z * 0.5, kink (x - 0.3).abs();
            min: |x, y, z| x.min(y) * z * 0.25 + y * 0.5, kink (x - y).abs();
            min_scalar: |x, y, z| x.min(k(0.3)) * y * 0.25 + z * 0.5, kink (x - 0.3).abs();
            abs_sub: |x, y, z| x.abs_sub(y) * z * 0.12 + y * 0.5, kink (x - y).abs();
            abs_sub_scalar: |x, y, z| x.abs_sub(k(0.3)) * y * 0.2 + z * 0.5, kink (x - 0.3).abs();
            copysign: |x, y, z| x.copysign(y) * z * 0.25 + y * 0.5, kink x.abs().min(y.abs());
            copysign_expr_sign: |x, y, z| y.copysign(x) * z * 0.25 + y * 0.5, kink x.abs().min(y.abs());
            copysign_scalar: |x, y, z| x.copysign(k(-1.0)) * y * 0.25 + z * 0.5, kink x.abs();
            sin_cos: |x, y, z| x.sin_cos().0 * y * 0.5 + x.sin_cos().1 * z * 0.5;
            clamp: |x, y, z| x.clamp(k(-0.5), y + 2.5) * z * 0.25 + y * 0.5,
                kink (x + 0.5).abs().min((x - y - 2.5).abs());
            // mul_add with each argument an expression or a constant, and `x` in each place.
            mul_add_ee: |x, y, z| x.mul_add(y, z) * 0.3;
            mul_add_ce: |x, y, z| x.mul_add(k(0.7), z) * y * 0.25;
            mul_add_ec: |x, y, z| x.mul_add(y, k(0.5)) * z * 0.2;
            mul_add_cc: |x, y, z| x.mul_add(k(0.7), k(0.5)) * y * 0.5;
            mul_add_x_factor: |x, y, z| y.mul_add(x, z) * 0.3;
            mul_add_x_addend: |x, y, z| y.mul_add(z, x) * 0.3;
            // Operators between expressions, and with a constant on either side.
            add_ee: |x, y, z| (x + y) * z * 0.25;
            add_ec: |x, y, z| (x + 0.5) * y * 0.3 + z * 0.2;
            add_ce: |x, y, z| (0.5 + x) * y * 0.3 + z * 0.2;
            sub_ee: |x, y, z| (x - y) * z * 0.25;
            sub_ee_right: |x, y, z| (y - x) * z * 0.25;
            sub_ec: |x, y, z| (x - 0.5) * y * 0.3 + z * 0.2;
            sub_ce: |x, y, z| (0.5 - x) * y * 0.3 + z * 0.2;
            mul_ee: |x, y, z| x * y * 0.4 + z * 0.2;
            mul_ec: |x, y, z| (x * 0.45) * y + z * 0.1;
            mul_ce: |x, y, z| (0.45 * x) * y + z * 0.1;
            div_ee: |x, y, z| x / (y + 2.5) * z * 0.25;
            div_ee_denominator: |x, y, z| y / (x + 2.5) * z * 0.25;
            div_ec: |x, y, z| (x / 1.5) * y * 0.5 + z * 0.3;
            div_ce: |x, y, z| (1.5 / (x + 2.5)) * y * 0.3 + z * 0.1;
            rem_ee: |x, y, z| (x % (y + 2.5)) * z * 0.5, kink int_dist(x / (y + 2.5));
            rem_ee_divisor: |x, y, z| (y % (x + 2.5)) * z * 0.5, kink int_dist(y / (x + 2.5));
            rem_ec: |x, y, z| (x % 0.7) * y * 0.7 + z * 0.5, kink int_dist(x / 0.7);
            rem_ce: |x, y, z| (1.3 % (x + 2.5)) * y * 0.35 + z * 0.5, kink int_dist(1.3 / (x + 2.5));
        }
    };
}

/// `F` nested in itself `depth` times (as tokens: each level rebinds `x`).
macro_rules! nest {
    ($x:ident, $body:expr; $d:tt) => {
        $body
    };
    ($x:ident, $body:expr; $d:tt $($rest:tt)+) => {{
        let $x = $body;
        nest!($x, $body; $($rest)+)
    }};
}

/// `$run` applied to the formula nested to depth `$d`, for each depth listed.
macro_rules! per_depth {
    ($run:ident, $p:tt, $d:ident, $x:ident, $y:ident, $z:ident, $body:expr; [$($depth:tt)*]) => {
        match $d {
            $( $depth => per_depth!(@one $run, $p, $x, $y, $z, $body; $depth), )*
            _ => unreachable!("depth {}", $d),
        }
    };
    (@one $run:ident, $p:tt, $x:ident, $y:ident, $z:ident, $body:expr; 1) => { $run!($p, $x, $y, $z, nest!($x, $body; 1)) };
    (@one $run:ident, $p:tt, $x:ident, $y:ident, $z:ident, $body:expr; 2) => { $run!($p, $x, $y, $z, nest!($x, $body; 1 2)) };
    (@one $run:ident, $p:tt, $x:ident, $y:ident, $z:ident, $body:expr; 3) => { $run!($p, $x, $y, $z, nest!($x, $body; 1 2 3)) };
    (@one $run:ident, $p:tt, $x:ident, $y:ident, $z:ident, $body:expr; 4) => { $run!($p, $x, $y, $z, nest!($x, $body; 1 2 3 4)) };
    (@one $run:ident, $p:tt, $x:ident, $y:ident, $z:ident, $body:expr; 5) => { $run!($p, $x, $y, $z, nest!($x, $body; 1 2 3 4 5)) };
    (@one $run:ident, $p:tt, $x:ident, $y:ident, $z:ident, $body:expr; 6) => { $run!($p, $x, $y, $z, nest!($x, $body; 1 2 3 4 5 6)) };
}

macro_rules! fwd_run {
    (($p:ident), $x:ident, $y:ident, $z:ident, $e:expr) => {
        typegrad::gradient(|[$x, $y, $z]: [D; 3]| $e, $p)
    };
}
macro_rules! rev_run {
    (($p:ident), $x:ident, $y:ident, $z:ident, $e:expr) => {
        reverse::gradient(|($x, $y, $z)| $e, ($p[0], $p[1], $p[2]))
    };
}
macro_rules! fwd_hessian_run {
    (($p:ident), $x:ident, $y:ident, $z:ident, $e:expr) => {
        typegrad::hessian(|[$x, $y, $z]: [D; 3]| $e, $p)
    };
}
macro_rules! rev_hessian_run {
    (($p:ident), $x:ident, $y:ident, $z:ident, $e:expr) => {
        reverse::hessian(|($x, $y, $z)| $e, ($p[0], $p[1], $p[2]))
    };
}
macro_rules! rev_hvp_run {
    (($p:ident, $v:ident), $x:ident, $y:ident, $z:ident, $e:expr) => {
        reverse::hvp(
            |($x, $y, $z)| $e,
            ($p[0], $p[1], $p[2]),
            ($v[0], $v[1], $v[2]),
        )
    };
}
macro_rules! plain_run {
    (($p:ident), $x:ident, $y:ident, $z:ident, $e:expr) => {{
        let [$x, $y, $z] = $p;
        $e
    }};
}

/// Instantiates the table as one function per formula, `name(args.., depth)`, each
/// running the formula nested to a depth from the list through `$run`.
macro_rules! instantiate {
    ($run:ident, $depths:tt, $sig:tt -> $ret:ty, $args:tt, $d:ident;
     $($name:ident: |$x:ident, $y:ident, $z:ident| $body:expr $(, kink $kink:expr)?;)*) => {
        $(
            #[allow(unused_variables)] // formulas that leave out `z`
            pub fn $name $sig -> $ret {
                per_depth!($run, $args, $d, $x, $y, $z, $body; $depths)
            }
        )*
    };
}
macro_rules! gradients {
    ($run:ident, $depths:tt; $($t:tt)*) => {
        instantiate!($run, $depths, (p: [T; 3], d: usize) -> (T, [T; 3]), (p), d; $($t)*);
    };
}
macro_rules! fwd64_gradients {
    ($($t:tt)*) => { gradients!(fwd_run, [1 2 3 4 5 6]; $($t)*); };
}
macro_rules! rev64_gradients {
    ($($t:tt)*) => { gradients!(rev_run, [1 2 3 4 5 6]; $($t)*); };
}
// f32 to depth 2 only, and Hessians to depth 2: each level of nesting costs more compile
// time than the last.
macro_rules! fwd32_gradients {
    ($($t:tt)*) => { gradients!(fwd_run, [1 2]; $($t)*); };
}
macro_rules! rev32_gradients {
    ($($t:tt)*) => { gradients!(rev_run, [1 2]; $($t)*); };
}
macro_rules! fwd_hessians {
    ($($t:tt)*) => {
        instantiate!(fwd_hessian_run, [1 2], (p: [f64; 3], d: usize) -> Hess, (p), d; $($t)*);
    };
}
macro_rules! rev_hessians {
    ($($t:tt)*) => {
        instantiate!(rev_hessian_run, [1 2], (p: [f64; 3], d: usize) -> Hess, (p), d; $($t)*);
    };
}
macro_rules! rev_hvps {
    ($($t:tt)*) => {
        instantiate!(
            rev_hvp_run, [1 2], (p: [f64; 3], v: [f64; 3], d: usize) -> Hvp, (p, v), d; $($t)*
        );
    };
}

type Hess = (f64, [f64; 3], [[f64; 3]; 3]);
type Hvp = (f64, [f64; 3], [f64; 3]);

/// Forward mode over `f64`.
mod fwd64 {
    use super::*;
    type T = f64;
    type D = Duals<f64, 3>;
    fn k(c: f64) -> D {
        Dual::from(c)
    }
    formulas!(fwd64_gradients);
}

/// Reverse mode over `f64`.
mod rev64 {
    use super::*;
    use typegrad::reverse::Expr;
    type T = f64;
    fn k(c: f64) -> f64 {
        c
    }
    formulas!(rev64_gradients);
}

/// Forward mode over `f32`.
mod fwd32 {
    use super::*;
    type T = f32;
    type D = Duals<f32, 3>;
    fn k(c: f64) -> D {
        Dual::from(c as f32)
    }
    formulas!(fwd32_gradients);
}

/// Reverse mode over `f32`.
mod rev32 {
    use super::*;
    use typegrad::reverse::Expr;
    type T = f32;
    fn k(c: f64) -> f32 {
        c as f32
    }
    formulas!(rev32_gradients);
}

/// Forward over forward (`typegrad::hessian`).
mod fwd_hess {
    use super::*;
    type D = Dual<Duals<f64, 3>, typegrad::typenum::U3>;
    fn k(c: f64) -> D {
        D::from_base(c)
    }
    formulas!(fwd_hessians);
}

/// Forward over reverse (`reverse::hessian`, `reverse::hvp`): expressions over duals,
/// which take plain `f64` operands.
mod rev_hess {
    use super::*;
    use typegrad::reverse::Expr;
    fn k(c: f64) -> f64 {
        c
    }
    formulas!(rev_hessians);
    pub mod hvp {
        use super::*;
        formulas!(rev_hvps);
    }
}

/// Plain `f64`: the function for the finite-difference checker, and the kink distance.
mod plain {
    use super::*;
    fn k(c: f64) -> f64 {
        c
    }
    macro_rules! plain_fns {
        ($($name:ident: |$x:ident, $y:ident, $z:ident| $body:expr $(, kink $kink:expr)?;)*) => {
            $(
                #[allow(unused_imports, unused_variables)]
                pub mod $name {
                    use super::*;
                    pub fn f(p: [f64; 3], d: usize) -> f64 {
                        per_depth!(plain_run, (p), d, $x, $y, $z, $body; [1 2 3 4 5 6])
                    }
                    /// Distance from the nearest kink, for depth 1.
                    pub fn kink(p: [f64; 3]) -> f64 {
                        let [$x, $y, $z] = p;
                        f64::INFINITY $(.min($kink))?
                    }
                    /// The formula's text, to check that every method is covered.
                    pub const TEXT: &str = stringify!($body);
                }
            )*
            pub const ALL: &[(&str, &str)] = &[$((stringify!($name), $name::TEXT)),*];
        };
    }
    formulas!(plain_fns);
}

/// One formula in every instantiation.
struct Formula {
    name: &'static str,
    rev64: fn([f64; 3], usize) -> (f64, [f64; 3]),
    fwd64: fn([f64; 3], usize) -> (f64, [f64; 3]),
    rev32: fn([f32; 3], usize) -> (f32, [f32; 3]),
    fwd32: fn([f32; 3], usize) -> (f32, [f32; 3]),
    rev_hessian: fn([f64; 3], usize) -> Hess,
    fwd_hessian: fn([f64; 3], usize) -> Hess,
    rev_hvp: fn([f64; 3], [f64; 3], usize) -> Hvp,
    plain: fn([f64; 3], usize) -> f64,
    kink: fn([f64; 3]) -> f64,
    smooth: bool,
}

/// Relative error `|a − b| / max(|a|, |b|, 1)`. The floor of 1 (an absolute error for
/// components below 1): the formulas' values and partials are of order 1 (each maps
/// `[-2, 2]³` into `[-2, 2]`), so a small gradient component is a sum of order-1 path
/// products that cancel, and its rounding error is absolute, of order
/// (operations on the path) × ε × (size of the products), not relative to the result.
fn error(a: f64, b: f64) -> f64 {
    (a - b).abs() / a.abs().max(b.abs()).max(1.0)
}

/// Reverse against forward in `f64`: both compute the same chain-rule products, only
/// associated differently (forward multiplies from the inputs, reverse from the output).
/// The same for second derivatives (forward over reverse against forward over forward)
/// and for `H·v` (one reverse pass over duals against the forward Hessian times `v`).
const TOL_64: f64 = 1e-12;
/// The same in `f32` (ε = 1.2e-7).
const TOL_32: f64 = 1e-5;
/// Reverse gradients against finite differences of the function, and reverse Hessians
/// against finite differences of the reverse gradient (sixth-order Richardson, largest step
/// ε^(1/5)): over 20,000 cases per formula the worst error was 1.5e-10, at the steepest
/// corner of `div_ce` nested four deep.
const TOL_FD: f64 = 1e-8;
/// How far from a kink (in the kinked function's own argument) a finite-difference check
/// must be: the checker's largest step is at most about 1.5e-3 on `[-2, 2]`, and the arguments
/// change at most ~10× as fast as the inputs.
const KINK_MARGIN: f64 = 0.05;
const DEPTHS: std::ops::RangeInclusive<usize> = 1..=6;
const DEPTHS_2: std::ops::RangeInclusive<usize> = 1..=2;

/// The worst errors seen, printed at the end of each test (`--nocapture` shows them).
#[derive(Default)]
struct Worst {
    rev_fwd_64: Cell<f64>,
    rev_fwd_32: Cell<f64>,
    hessian: Cell<f64>,
    hvp: Cell<f64>,
    fd: Cell<f64>,
    fd_hessian: Cell<f64>,
}
impl Worst {
    fn note(c: &Cell<f64>, e: f64) {
        c.set(c.get().max(e));
    }
}

macro_rules! ensure {
    ($cond:expr, $($fmt:tt)*) => {
        let ok: bool = $cond; // false for NaN comparisons
        if !ok {
            return Err(TestCaseError::fail(format!($($fmt)*)));
        }
    };
}

/// Whether every entry of `a` is within `tol` of the entry of `b`, noting the worst error.
fn all_close(a: &[f64], b: &[f64], tol: f64, worst: &Cell<f64>) -> bool {
    a.iter().zip(b).all(|(&a, &b)| {
        let e = error(a, b);
        Worst::note(worst, e);
        e <= tol && a.is_finite()
    })
}

fn check_formula(f: Formula) {
    let name = f.name;
    let worst = Worst::default();
    let mut runner = TestRunner::new(Config {
        failure_persistence: None,
        ..Config::default()
    });
    let r = -2.0..2.0_f64;
    let point = (r.clone(), r.clone(), r.clone());
    let result = runner.run(&(point.clone(), point), |((x, y, z), (a, b, c))| {
        let p = [x, y, z];
        let v1 = (f.plain)(p, 1);
        ensure!(
            v1.is_finite() && (-2.0..=2.0).contains(&v1),
            "the formula leaves the box: F({p:?}) = {v1}"
        );
        for d in DEPTHS {
            let (rv, rg) = (f.rev64)(p, d);
            let (fv, fg) = (f.fwd64)(p, d);
            ensure!(
                rv.to_bits() == fv.to_bits(),
                "depth {d} at {p:?}: reverse value {rv:e}, forward value {fv:e}"
            );
            #[cfg(feature = "std")]
            ensure!(
                rv.to_bits() == (f.plain)(p, d).to_bits(),
                "depth {d} at {p:?}: reverse value {rv:e}, plain f64 {:e}",
                (f.plain)(p, d)
            );
            ensure!(
                all_close(&rg, &fg, TOL_64, &worst.rev_fwd_64),
                "depth {d} at {p:?}: reverse {rg:?}, forward {fg:?}"
            );
        }
        for d in DEPTHS_2 {
            let q = p.map(|v| v as f32);
            let (rv, rg) = (f.rev32)(q, d);
            let (fv, fg) = (f.fwd32)(q, d);
            ensure!(
                rv.to_bits() == fv.to_bits(),
                "f32, depth {d} at {q:?}: reverse value {rv:e}, forward value {fv:e}"
            );
            ensure!(
                all_close(
                    &rg.map(f64::from),
                    &fg.map(f64::from),
                    TOL_32,
                    &worst.rev_fwd_32
                ),
                "f32, depth {d} at {q:?}: reverse {rg:?}, forward {fg:?}"
            );

            let (rv, rg, rh) = (f.rev_hessian)(p, d);
            let (fv, fg, fh) = (f.fwd_hessian)(p, d);
            let (g, _) = (f.rev64)(p, d);
            ensure!(
                rv.to_bits() == fv.to_bits() && rv.to_bits() == g.to_bits(),
                "Hessian, depth {d} at {p:?}: values {rv:e} (forward over reverse), \
                 {fv:e} (forward over forward), {g:e} (reverse)"
            );
            ensure!(
                all_close(&rg, &fg, TOL_64, &worst.rev_fwd_64)
                    && all_close(rh.as_flattened(), fh.as_flattened(), TOL_64, &worst.hessian),
                "Hessian, depth {d} at {p:?}: forward over reverse {rg:?} {rh:?}, \
                 forward over forward {fg:?} {fh:?}"
            );

            let v = [a, b, c];
            let (hv_v, hv_g, hv) = (f.rev_hvp)(p, v, d);
            let h_times_v = fh.map(|row| row[0] * v[0] + row[1] * v[1] + row[2] * v[2]);
            ensure!(
                hv_v.to_bits() == fv.to_bits()
                    && all_close(&hv_g, &fg, TOL_64, &worst.rev_fwd_64)
                    && all_close(&hv, &h_times_v, TOL_64, &worst.hvp),
                "hvp, depth {d} at {p:?} along {v:?}: {hv_v:e} {hv_g:?} {hv:?}, \
                 forward Hessian times v {h_times_v:?}"
            );
        }
        // Finite differences at depth 1 away from kinks; at every depth for smooth formulas.
        if (f.kink)(p) > KINK_MARGIN {
            for d in if f.smooth { DEPTHS } else { 1..=1 } {
                let (_, g) = (f.rev64)(p, d);
                let report = typegrad::check::check_gradient(|q| (f.plain)(q, d), p, g);
                Worst::note(&worst.fd, report.error);
                ensure!(
                    report.passes(TOL_FD),
                    "depth {d} at {p:?}: reverse {g:?}, finite differences disagree: {report:?}"
                );
            }
            // Each Hessian row against finite differences of the reverse gradient.
            let (_, _, h) = (f.rev_hessian)(p, 1);
            for (i, row) in h.into_iter().enumerate() {
                let report = typegrad::check::check_gradient(|q| (f.rev64)(q, 1).1[i], p, row);
                Worst::note(&worst.fd_hessian, report.error);
                ensure!(
                    report.passes(TOL_FD),
                    "Hessian row {i} at {p:?}: {row:?}, finite differences disagree: {report:?}"
                );
            }
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{name}: {e}");
    }
    println!(
        "{name}: worst errors: reverse/forward f64 {:.1e}, f32 {:.1e}, Hessian {:.1e}, \
         hvp {:.1e}; against finite differences: gradient {:.1e}, Hessian {:.1e}",
        worst.rev_fwd_64.get(),
        worst.rev_fwd_32.get(),
        worst.hessian.get(),
        worst.hvp.get(),
        worst.fd.get(),
        worst.fd_hessian.get(),
    );
}

macro_rules! formula_tests {
    ($($name:ident: |$x:ident, $y:ident, $z:ident| $body:expr $(, kink $kink:expr)?;)*) => {$(
        #[test]
        fn $name() {
            check_formula(Formula {
                name: stringify!($name),
                rev64: rev64::$name,
                fwd64: fwd64::$name,
                rev32: rev32::$name,
                fwd32: fwd32::$name,
                rev_hessian: rev_hess::$name,
                fwd_hessian: fwd_hess::$name,
                rev_hvp: rev_hess::hvp::$name,
                plain: plain::$name::f,
                kink: plain::$name::kink,
                smooth: formula_tests!(@smooth $($kink)?),
            });
        }
    )*};
    (@smooth) => { true };
    (@smooth $kink:expr) => { false };
}
formulas!(formula_tests);

// Every method of the crate's lists has a formula (a compile error otherwise).
typegrad::__float_unary!([plain] covers_unary);
typegrad::__special_unary!([plain] covers_special);
typegrad::__float_binary!([plain] covers_binary);

/// The methods outside the lists have formulas too.
#[test]
fn every_other_method_has_a_formula() {
    for name in ["powi", "mul_add", "sin_cos", "clamp"] {
        let call = format!(".{name}(");
        assert!(
            plain::ALL.iter().any(|(_, text)| text.contains(&call)),
            "no formula calls `{name}`"
        );
    }
}
