//! The trait impls themselves, as nalgebra and approx users meet them: approx compares
//! values only, `convert`/`try_convert` treat plain floats as constants, `SimdValue` has
//! one lane, and every `RealField` constant and function keeps the plain value.

use approx::{abs_diff_eq, relative_eq, ulps_eq};
use nalgebra::{RealField, SimdValue};
use typegrad::Dual;
use typegrad::global::Var;
use typegrad::typenum::U2;

typegrad::global_tape!(Tape: f64, 8);

#[test]
fn approx_compares_values_only() {
    let x = Dual::<f64>::variable::<0>(1.0);
    let c = Dual::<f64>::constant(1.0 + f64::EPSILON);
    assert!(relative_eq!(x, c) && abs_diff_eq!(x, c, epsilon = Dual::from(1e-9)));
    assert!(ulps_eq!(x, Dual::constant(1.0)));
    assert!(!relative_eq!(x, Dual::constant(1.1)));
    // Tangents are compared as arrays, when they matter.
    assert!(!relative_eq!(
        x.tangent().as_slice(),
        c.tangent().as_slice()
    ));
}

#[test]
fn conversions() {
    let c: Dual<f64, U2> = nalgebra::convert(2.5);
    assert_eq!((c.value(), c.tangent().as_slice()), (2.5, &[0.0, 0.0][..]));
    assert_eq!(nalgebra::try_convert::<_, f64>(c), Some(2.5));
    let v = Dual::<f64, U2>::variable::<1>(2.5);
    assert_eq!(
        nalgebra::try_convert::<_, f64>(v),
        None,
        "a variable is no plain float"
    );
    assert_eq!(nalgebra::convert_unchecked::<_, f64>(v), 2.5);
    let nested: Dual<Dual<f64>> = nalgebra::convert(1.5_f32);
    assert_eq!(nalgebra::try_convert::<_, f32>(nested), Some(1.5));
    let g: Var<f64, Tape> = nalgebra::convert(3.0);
    assert_eq!(nalgebra::try_convert::<_, f64>(g), Some(3.0));
}

#[test]
fn one_lane() {
    let mut x = Dual::<f64>::variable::<0>(2.0);
    assert_eq!(<Dual<f64> as SimdValue>::LANES, 1);
    // simba's two `unsafe fn`s: safe bodies in typegrad, still `unsafe` to call.
    let y = unsafe { x.extract_unchecked(0) };
    assert_eq!(y.tangent()[0], 1.0);
    unsafe { x.replace_unchecked(0, Dual::constant(5.0)) };
    assert_eq!((x.value(), x.tangent()[0]), (5.0, 0.0));
    assert_eq!(x.select(false, y).value(), 2.0);
}

/// Every `RealField`/`ComplexField` method keeps the value of the plain computation.
fn body<T: RealField + Copy>(x: T) -> T {
    let h = nalgebra::convert::<f64, T>(0.5);
    let a = x.sin() * x.cos() + x.tan() + (x * h).asin() + (x * h).acos() + x.atan();
    let b = x.sinh() + x.cosh() + x.tanh() + (x + T::one()).asinh() + (x + T::one()).acosh();
    let c = (x * h).atanh() + x.ln() + x.log2() + x.log10() + x.log(T::two_pi()) + x.ln_1p();
    let d = x.sqrt() + x.exp() + x.exp2() + x.exp_m1() + x.powi(3) + x.powf(h) + x.powc(h);
    let e = x.cbrt() + x.recip() + x.hypot(h) + x.atan2(h) + x.modulus() + x.norm1();
    let f = x.mul_add(h, T::pi()) + x.max(h) + x.min(h) + RealField::clamp(x, h, T::e());
    let g = x.copysign(-h) + x.signum() + x.floor() + x.ceil() + x.round() + x.trunc() + x.fract();
    a + b + c + d + e + f + g + x.sinc() + x.try_sqrt().unwrap() + x.argument() + x.scale(h)
}

#[test]
fn real_field_keeps_values() {
    for x in [0.3_f64, 0.9, 1.4] {
        let (v, d) = typegrad::derivative(body, x);
        assert_eq!(v.to_bits(), body(x).to_bits());
        let r = typegrad::check::check_derivative(body, x, d);
        assert!(r.passes(1e-8), "{r:?}");
        assert!(d.is_finite());
    }
    assert_eq!(
        <Dual<f64> as RealField>::min_value().map(|m| m.value()),
        Some(f64::MIN)
    );
}
