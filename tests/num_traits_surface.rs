//! The rest of num-traits' surface (`FloatCore`, conversions, `Euclid`, `TotalOrder`,
//! `ConstZero`/`ConstOne`, `AsPrimitive`, operators on references), for `Dual` and for the
//! tape's `Active`: values as `f64`'s, derivatives against closed forms and the checker.

use core::cmp::Ordering;

use num_traits::float::{FloatCore, TotalOrder};
use num_traits::{
    AsPrimitive, ConstOne, ConstZero, Euclid, Inv, Num, NumAssignRef, NumRef, Pow, RefNum,
};
use typegrad::check::{check_derivative, numeric_derivative};
use typegrad::typenum::U2;
use typegrad::{Dual, Float, derivative, gradient, tape};

/// The same body through `FloatCore` (as a `no_std` crate bounding on it would write it).
fn core_body<T: FloatCore>(x: T) -> T {
    let two = T::one() + T::one();
    (x.abs().powi(3) + x.recip())
        .max(x.to_degrees())
        .clamp(-T::max_value(), T::max_value())
        / two
        + x.to_radians().min(x)
        + x.signum()
        + x.fract()
}

/// The same body through `Float`.
fn float_body<T: Float>(x: T) -> T {
    let two = T::one() + T::one();
    (x.abs().powi(3) + x.recip())
        .max(x.to_degrees())
        .clamp(-T::max_value(), T::max_value())
        / two
        + x.to_radians().min(x)
        + x.signum()
        + x.fract()
}

#[test]
fn float_core_is_float_again() {
    for x in [-3.25_f64, -0.5, 0.75, 2.5, 40.5] {
        let (v, d) = derivative(core_body, x);
        let (w, e) = derivative(float_body, x);
        assert_eq!(
            (v.to_bits(), d.to_bits()),
            (w.to_bits(), e.to_bits()),
            "at {x}"
        );
        assert_eq!(v, float_body(x));
        let r = check_derivative(|x: f64| float_body(x), x, d);
        assert!(r.passes(1e-8), "{r:?}");
        // The tape's variable computes the same gradient through FloatCore.
        let (tv, tg) = tape::gradient::<_, 16>(|[x]| core_body(x), [x]).unwrap();
        assert_eq!((tv, tg[0]), (v, d));
    }
    let x = Dual::<f64>::variable::<0>(2.0);
    let classes = (FloatCore::classify(x), FloatCore::integer_decode(x));
    assert_eq!(
        classes,
        (2.0_f64.classify(), Float::integer_decode(2.0_f64))
    );
    assert!(FloatCore::is_nan(<Dual<f64> as FloatCore>::nan()));
    assert_eq!(<Dual<f32> as FloatCore>::epsilon().value(), f32::EPSILON);
}

/// Exact conversions, as `f64::from` and `f32::from` have them.
fn from_all<T: From<i8> + From<i16> + From<i32> + From<u8> + From<u16> + From<u32> + From<bool>>()
-> [T; 7] {
    [
        T::from(-8_i8),
        T::from(-16_i16),
        T::from(-32_i32),
        T::from(8_u8),
        T::from(16_u16),
        T::from(u32::MAX),
        T::from(true),
    ]
}

fn from_small<T: From<i8> + From<i16> + From<u8> + From<u16> + From<bool>>() -> [T; 5] {
    [
        T::from(-8_i8),
        T::from(i16::MIN),
        T::from(8_u8),
        T::from(u16::MAX),
        T::from(false),
    ]
}

#[test]
fn from_integers_and_f32() {
    let plain = from_all::<f64>();
    let duals = from_all::<Dual<f64, U2>>();
    let nested = from_all::<Dual<Dual<f64>>>();
    for ((p, d), n) in plain.iter().zip(&duals).zip(&nested) {
        assert_eq!((d.value(), d.tangent().as_slice()), (*p, &[0.0, 0.0][..]));
        assert_eq!(n.value().value(), *p);
    }
    let plain = from_small::<f32>();
    let duals = from_small::<Dual<f32>>();
    assert_eq!(duals.map(|d| d.value()), plain);
    // `f32` into an `f64` base, exactly, also nested.
    let c = 0.1_f32;
    assert_eq!(<Dual<f64> as From<f32>>::from(c).value(), f64::from(c));
    assert_eq!(
        <Dual<Dual<f64>> as From<f32>>::from(c).value().value(),
        f64::from(c)
    );
    // The inherent `from` takes the scalar (so it stays unambiguous beside `NumCast`); other
    // types convert through `From`.
    let t = tape::gradient::<_, 4>(
        |[x]| x * <typegrad::tape::Active<'_, f64> as From<i32>>::from(2),
        [3.0_f64],
    );
    assert_eq!(t, Ok((6.0, [2.0])));
}

#[test]
fn as_primitive() {
    let x = Dual::<f64>::variable::<0>(-2.75);
    let i: i32 = x.as_();
    let u: u8 = x.as_();
    assert_eq!((i, u), (-2, 0)); // as `-2.75_f64 as i32`, `as u8` (saturating)
    let c: Dual<f64> = 7_u64.as_();
    let h: Dual<f32> = 1.5_f64.as_();
    assert_eq!((c.value(), c.tangent()[0], h.value()), (7.0, 0.0, 1.5));
    let same: Dual<f64> = x.as_();
    assert_eq!(same.tangent()[0], 1.0);
}

#[test]
fn euclid_matches_f64_and_differentiates() {
    let xs = [-7.5_f64, -3.0, -0.25, 0.0, 0.25, 3.0, 7.5];
    let vs = [-2.0_f64, -0.75, 0.75, 2.0];
    for x in xs {
        for v in vs {
            let (d, r) = (Euclid::div_euclid(&x, &v), Euclid::rem_euclid(&x, &v));
            let (dx, g) = gradient(|[x, v]| Euclid::rem_euclid(&x, &v), [x, v]);
            let q = gradient(|[x, v]| Euclid::div_euclid(&x, &v), [x, v]);
            assert_eq!((q.0.to_bits(), dx.to_bits()), (d.to_bits(), r.to_bits()));
            assert_eq!(q.1, [0.0, 0.0], "the quotient is piecewise constant");
            // ∂r/∂x = 1 and ∂r/∂v = −q, away from the jumps (where r is 0).
            if r != 0.0 {
                assert_eq!(g, [1.0, -d], "rem_euclid({x}, {v})");
                let n = numeric_derivative(|v| Euclid::rem_euclid(&x, &v), v);
                assert!((n - g[1]).abs() < 1e-6, "{n} {g:?}");
            }
        }
    }
}

#[test]
fn total_order_is_the_values() {
    let vals = [f64::NAN, 1.0, -0.0, 0.0, -f64::INFINITY, -1.0, -f64::NAN];
    let mut plain = vals;
    plain.sort_by(TotalOrder::total_cmp);
    let mut duals = vals.map(Dual::<f64>::variable::<0>);
    duals.sort_by(TotalOrder::total_cmp);
    assert_eq!(duals.map(|d| d.value().to_bits()), plain.map(f64::to_bits));
    let (a, b) = (Dual::<f64>::variable::<0>(1.0), Dual::<f64>::constant(1.0));
    assert_eq!(a.total_cmp(&b), Ordering::Equal); // tangents do not take part
}

#[test]
fn const_zero_and_one() {
    const Z: Dual<Dual<f64>, U2> = Dual::ZERO;
    const O: Dual<f32, U2> = ConstOne::ONE;
    assert_eq!(Z.value().value(), 0.0);
    assert!(
        Z.tangent()
            .iter()
            .all(|t| t.value() == 0.0 && t.tangent()[0] == 0.0)
    );
    assert_eq!((O.value(), O.tangent().as_slice()), (1.0, &[0.0, 0.0][..]));
}

/// `(a + b)·a − b / a` written with references only.
fn by_ref<T: NumRef + NumAssignRef>(a: &T, b: &T) -> T
where
    for<'r> &'r T: RefNum<T>,
{
    let mut s = a + b;
    s *= a;
    let q = b / a;
    s -= &q;
    let t = &s % &(a * b);
    t + T::zero()
}

#[test]
fn operators_on_references() {
    let (a, b) = (1.5_f64, 4.0_f64);
    let (v, g) = gradient(|[a, b]| by_ref(&a, &b), [a, b]);
    assert_eq!(v, by_ref(&a, &b));
    let (fa, fb) = (
        numeric_derivative(|a| by_ref(&a, &b), a),
        numeric_derivative(|b| by_ref(&a, &b), b),
    );
    assert!(
        (g[0] - fa).abs() < 1e-7 && (g[1] - fb).abs() < 1e-7,
        "{g:?} {fa} {fb}"
    );
    let (tv, tg) = tape::gradient::<_, 16>(|[a, b]| by_ref(&a, &b), [a, b]).unwrap();
    assert_eq!((tv, tg), (v, g));
    let x = Dual::<f64>::variable::<0>(2.0);
    assert_eq!((-&x).tangent()[0], -1.0);
    assert_eq!(Inv::inv(&x).tangent()[0], -0.25);
    assert_eq!(
        <Dual<f64> as Num>::from_str_radix("2.5", 10)
            .unwrap()
            .value(),
        2.5
    );
}

#[test]
fn pow_with_small_integers_and_references() {
    let x = Dual::<f64>::variable::<0>(1.5);
    let expect = 1.5_f64.powi(3);
    for p in [
        x.pow(3_i8),
        x.pow(3_u8),
        x.pow(3_i16),
        x.pow(3_u16),
        x.pow(&3_i32),
        (&x).pow(3_i8),
    ] {
        assert_eq!((p.value(), p.tangent()[0]), (expect, 3.0 * 1.5 * 1.5));
    }
    // An `f32` exponent on an `f64` base, as `f64: Pow<f32>`.
    let (p, q) = (x.pow(0.5_f32), x.pow(0.5_f64));
    assert_eq!((p.value(), p.tangent()[0]), (q.value(), q.tangent()[0]));
    assert!((p.tangent()[0] - 0.5 / 1.5_f64.sqrt()).abs() < 1e-15);
    let q = (&x).pow(&x);
    assert_eq!(q.value(), 1.5_f64.powf(1.5));
}
