//! typegrad's three modes on num-traits' `libm` backend: every function's derivative against
//! finite differences and against the other modes, the tutorial's examples, and proof that
//! the math really is libm's.

use typegrad::check::check_derivative;
use typegrad::reverse::{self, Expr};
use typegrad::{Float, derivative, gradient, tape};

/// num-traits forwards `Float` to libm here: the same bits as calling libm directly, at
/// points where libm and glibc (the platform's math, with `std`) differ in the last bit
/// (found by comparing the two over a grid; `cbrt` agreed everywhere tried).
#[test]
fn float_math_is_libm() {
    for (x, f, libm_f) in [
        (
            0.30032162,
            Float::sin as fn(f64) -> f64,
            libm::sin as fn(f64) -> f64,
        ),
        (0.30001237, Float::exp, libm::exp),
        (0.30017318, Float::atan, libm::atan),
    ] {
        assert_eq!(f(x).to_bits(), libm_f(x).to_bits(), "at {x}");
    }
}

/// One line per function: its name, a point inside its domain, and the function written
/// once for plain floats, duals, tape variables and (by a second closure) expressions.
macro_rules! each_function {
    ($m:ident) => {
        $m! {
            sin 0.7, cos 0.7, tan 0.7, asin 0.3, acos 0.3, atan 0.7, sinh 0.7, cosh 0.7,
            tanh 0.7, asinh 0.7, acosh 1.7, atanh 0.3, exp 0.7, exp2 0.7, exp_m1 0.7, ln 1.7,
            ln_1p 0.7, log2 1.7, log10 1.7, sqrt 1.7, cbrt 1.7, recip 1.7, to_degrees 0.7,
            to_radians 0.7, abs -0.7, fract 1.7
        }
    };
}

macro_rules! unary_checks {
    ($($name:ident $x:literal),*) => {
        /// Forward derivative vs finite differences, and reverse and tape vs forward.
        #[test]
        fn every_unary_function_in_three_modes() {
            $(
                let x: f64 = $x;
                let (v, d) = derivative(|x| x.$name(), x);
                assert_eq!(v.to_bits(), Float::$name(x).to_bits(), stringify!($name));
                let r = check_derivative(|x: f64| Float::$name(x), x, d);
                assert!(r.passes(1e-8), "{}: {r:?}", stringify!($name));
                let (rv, [rd]) = reverse::gradient(|(x,)| x.$name(), (x,));
                assert_eq!((rv, rd), (v, d), "reverse {}", stringify!($name));
                let (tv, [td]) = tape::gradient::<_, 4>(|[x]| Float::$name(x), [x]).unwrap();
                assert_eq!((tv, td), (v, d), "tape {}", stringify!($name));
                // f32 through forward mode, against the f64 derivative.
                let (_, d32) = derivative(|x| x.$name(), x as f32);
                assert!((d32 as f64 - d).abs() <= 1e-5 * d.abs().max(1.0), "f32 {}", stringify!($name));
            )*
        }
    };
}
each_function!(unary_checks);

#[test]
fn binary_functions_in_three_modes() {
    fn f<T: Float>([x, y]: [T; 2]) -> T {
        x.powf(y) + x.atan2(y) + x.hypot(y) + x.log(y) + x.mul_add(y, x) + x.max(y) * x.min(y)
    }
    let p = [1.7_f64, 2.3];
    let (v, g) = gradient(f, p);
    assert_eq!(v.to_bits(), f(p).to_bits());
    let r = typegrad::check::check_gradient(f, p, g);
    assert!(r.passes(1e-8), "{r:?}");
    let (rv, rg) = reverse::gradient(
        |(x, y)| {
            x.powf(y) + x.atan2(y) + x.hypot(y) + x.log(y) + x.mul_add(y, x) + x.max(y) * x.min(y)
        },
        (p[0], p[1]),
    );
    assert!(
        (rv - v).abs() <= 4.0 * f64::EPSILON * v.abs(),
        "{rv} vs {v}"
    );
    for (a, b) in rg.iter().zip(g) {
        assert!((a - b).abs() <= 1e-14 * b.abs().max(1.0), "{rg:?} vs {g:?}");
    }
    let (tv, tg) = tape::gradient::<_, 16>(|x| f(x), p).unwrap();
    assert_eq!(tv.to_bits(), v.to_bits());
    for (a, b) in tg.iter().zip(g) {
        assert!((a - b).abs() <= 1e-14 * b.abs().max(1.0), "{tg:?} vs {g:?}");
    }
}

/// The tutorial's examples against the values its own code printed (numpy/autograd) and
/// the platform's math: libm may differ from both in the last bits, never by more.
#[test]
fn the_tutorial_examples() {
    let (v, g) = reverse::gradient(|(x, y, z)| (2.0 * x + y) * z, (1.0_f64, 2.0, 3.0));
    assert_eq!((v, g), (12.0, [6.0, 3.0, 4.0]));
    let close = |a: f64, b: f64| (a - b).abs() <= 4.0 * f64::EPSILON * b.abs();
    let (v, [d]) = reverse::gradient(|(x,)| 10.0 * x.sin().exp() + x.cos().powi(2), (1000.0,));
    assert!(
        close(v, 23.178007083571295) && close(d, 11.926922952255469),
        "{v} {d}"
    );
    type Set = reverse::Call<typegrad::typenum::U2>;
    let f3 = |(x, y): (reverse::Var<f64, 0, 2, Set>, reverse::Var<f64, 1, 2, Set>)| {
        y.powi(3) * 10.0 * x.sin().exp() + x.cos().powi(2)
    };
    let (v, g) = reverse::gradient(f3, (2.0, 3.0));
    assert!(close(v, 670.4691647536182), "{v}");
    assert!(
        close(g[0], -278.1847518635674) && close(g[1], 670.29598656405),
        "{g:?}"
    );
}

#[test]
fn special_points() {
    assert_eq!(derivative(|x| x.sqrt(), 0.0).1, f64::INFINITY);
    assert_eq!(derivative(|x| x.abs(), -0.0).1, 0.0);
    let (_, g) = gradient(|[x, y]| x.atan2(y), [0.0, 0.0]);
    assert_eq!(g, [0.0, 0.0]);
    let (_, g) = gradient(|[x, y]| x.hypot(y), [1e300, 1e300]);
    assert!(g.iter().all(|d| d.is_finite()), "{g:?}");
    let (v, d) = derivative(|x| x.ln(), -1.0);
    assert!(v.is_nan() && d.is_nan());
    let (_, g) = gradient(|[x, y]| x.sqrt() + y, [0.0, 2.0]);
    assert_eq!(g, [f64::INFINITY, 1.0]);
}

#[test]
fn value_only_expressions_are_libm_too() {
    let (x,) = reverse::vars!((0.7_f64,));
    assert_eq!(x.sin().value().to_bits(), libm::sin(0.7).to_bits());
    assert_eq!(x.erf().value().to_bits(), libm::erf(0.7).to_bits());
}
