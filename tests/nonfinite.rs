//! NaN, ±∞ and ±0 through every function: nothing panics, the value is the plain `f64`
//! function's (the same bits, or both NaN), and where that value is NaN every derivative
//! is NaN too, with two kinds of exceptions that the rule table makes by design:
//!
//! - piecewise-constant functions (`floor`, `ceil`, `round`, `trunc`, `signum`) have
//!   derivative 0 everywhere, by the convention of the crate docs;
//! - a partial that the rule table gives as a constant or a choice (`x + y`, `-x`,
//!   `x * 3.0`, `fract`, `∂x` of `x % y`, `max`, `abs_sub`) cannot see the value, so it
//!   keeps its usual value where the function is NaN (as `x + 1` has slope 1 at NaN in JAX
//!   and PyTorch); likewise the partial of a product in one factor is the other factor.
//!   Each such exception is listed below with the exact value it keeps.

mod common;

use common::same;
use typegrad::{derivative, gradient, hessian};

const NAN: f64 = f64::NAN;
const SPECIAL: [f64; 5] = [NAN, f64::INFINITY, f64::NEG_INFINITY, 0.0, -0.0];
/// Partners for the special values in functions of two or three arguments.
const ORDINARY: [f64; 2] = [1.0, -2.5];

/// Piecewise constant: derivative 0 everywhere, NaN and jumps included.
const FLAT: [&str; 5] = ["floor", "ceil", "round", "trunc", "signum"];

/// One slope on every piece, from a rule with a constant coefficient: the derivative is
/// that slope at every input, NaN and ±∞ included. (`powi(1)` is `1·x⁰`, and IEEE
/// defines `NaN⁰ = ∞⁰ = 1`.)
const CONSTANT_SLOPE: [&str; 14] = [
    "neg",
    "add_f64",
    "f64_add",
    "sub_f64",
    "f64_sub",
    "mul_f64",
    "f64_mul",
    "div_f64",
    "to_degrees",
    "to_radians",
    "fract",
    "rem_f64",
    "powi_1",
    "assign_ops",
];

macro_rules! unary {
    ($($name:ident in $dom:expr => |$x:ident| $body:expr;)*) => {$(
        #[test]
        fn $name() {
            common::fns::generic_fn!(|$x| $body);
            let name = stringify!($name);
            for x in SPECIAL {
                let (v, d) = derivative(f, x);
                let (d_nested, dd) = derivative(|y| derivative(f, y).1, x);
                assert!(same(v, f(x)), "{name}({x}) = {v}, plain {}", f(x));
                assert!(same(d_nested, d), "{name}'({x}) = {d}, nested {d_nested}");
                if FLAT.contains(&name) {
                    assert_eq!((d, dd), (0.0, 0.0), "{name} at {x}");
                } else if CONSTANT_SLOPE.contains(&name) {
                    let slope = derivative(f, 0.3).1;
                    assert!(same(d, slope) && dd == 0.0, "{name} at {x}: {d}, {dd}");
                } else if v.is_nan() {
                    assert!(d.is_nan() && dd.is_nan(), "{name}({x}) = NaN, derivatives {d}, {dd}");
                }
            }
        }
    )*};
}

common::fns::unary_fns!(unary);

// Every one-argument method of the crate's lists has its test above.
typegrad::__float_unary!([self] common::covers_unary);
typegrad::__special_unary!([self] common::covers_special);

/// The partials that keep a value where a function of several arguments is NaN (see the
/// module docs); `None` for a partial that must be NaN there.
fn kept(name: &str, p: &[f64]) -> [Option<f64>; 3] {
    match name {
        "add" => [Some(1.0), Some(1.0), None],
        "sub" | "abs_sub" => [Some(1.0), Some(-1.0), None],
        "rem" => [Some(1.0), None, None],
        // NaN only when both are NaN: a NaN receiver loses, so the second is taken.
        "max" | "min" => [Some(0.0), Some(1.0), None],
        "mul" => [Some(p[1]), Some(p[0]), None],
        "mul_add" | "mul_add_trait" => [Some(p[1]), Some(p[0]), Some(1.0)],
        // x¹ is the identity: ∂x = 1·x⁰ = 1, also for x = NaN.
        "powf" | "pow_dual" if p[1] == 1.0 => [Some(1.0), None, None],
        _ => [None; 3],
    }
}

/// Every point of `N` coordinates drawn from the special and ordinary values, with at
/// least one special coordinate.
fn points<const N: usize>() -> Vec<[f64; N]> {
    let values: Vec<f64> = SPECIAL.iter().chain(ORDINARY.iter()).copied().collect();
    let mut all = vec![[0.0; N]];
    for i in 0..N {
        all = all
            .into_iter()
            .flat_map(|p| {
                values.iter().map(move |&v| {
                    let mut q = p;
                    q[i] = v;
                    q
                })
            })
            .collect();
    }
    all.retain(|p| p.iter().any(|v| !ORDINARY.contains(v)));
    all
}

macro_rules! nary {
    ($($name:ident in $dom:expr => |[$($x:ident),+]| $body:expr;)*) => {$(
        #[test]
        fn $name() {
            common::fns::generic_fn!(|[$($x),+]| $body);
            let name = stringify!($name);
            for p in points() {
                let (v, g) = gradient(f, p);
                let (v2, g2, _) = hessian(f, p);
                assert!(same(v, f(p)), "{name}{p:?} = {v}, plain {}", f(p));
                assert!(same(v2, v) && g.iter().zip(g2.iter()).all(|(a, b)| same(*a, *b)));
                if v.is_nan() {
                    for (d, k) in g.iter().zip(kept(name, &p)) {
                        assert!(
                            d.is_nan() || k == Some(*d),
                            "{name}{p:?} = NaN, gradient {g:?}"
                        );
                    }
                }
            }
        }
    )*};
}

common::fns::nary_fns!(nary);

// Every two-argument method of the crate's list has its test above.
typegrad::__float_binary!([self] common::covers_binary);

/// `clamp` apart: `f64::clamp` panics for NaN or crossed bounds, the dual one does not.
#[test]
fn clamp() {
    for [x, lo, hi] in points() {
        let (v, g) = gradient(|[x, lo, hi]| x.clamp(lo, hi), [x, lo, hi]);
        // As documented: `lo` if below it, then `hi` if above that (so crossed bounds give
        // `hi`), else `x`, with the chosen side's tangent.
        let (a, ga) = if x < lo {
            (lo, [0.0, 1.0, 0.0])
        } else {
            (x, [1.0, 0.0, 0.0])
        };
        let (want, unit) = if a > hi {
            (hi, [0.0, 0.0, 1.0])
        } else {
            (a, ga)
        };
        assert!(
            same(v, want) && g == unit,
            "clamp{:?} = {v}, {g:?}",
            [x, lo, hi]
        );
        if lo <= hi {
            assert!(same(v, x.clamp(lo, hi)), "clamp{:?}", [x, lo, hi]);
        }
    }
}
