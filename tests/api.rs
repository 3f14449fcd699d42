//! The trait surface of `Dual` and the forward-mode functions, against closed forms.

use core::num::FpCategory;

use num_traits::{
    Bounded, FloatConst, FromPrimitive, Inv, MulAdd, MulAddAssign, Num, One, Pow, Signed,
    ToPrimitive, Zero,
};
use typegrad::typenum::{U2, U3};
use typegrad::{Dual, Float, derivative, grad, gradient, hessian, jacobian, jvp};

/// Value and tangent of a one-tangent dual.
fn vt<T: typegrad::Scalar>(d: Dual<T>) -> (T, T) {
    (d.value(), d.tangent()[0])
}

/// Value, first and second derivative of `f` at `x`, through `Dual<Dual<f64>>`.
fn nested(f: impl FnOnce(Dual<Dual<f64>>) -> Dual<Dual<f64>>, x: f64) -> [f64; 3] {
    let (v, d) = derivative(f, Dual::variable::<0>(x));
    assert_eq!(v.tangent()[0], d.value(), "the two perturbations agree");
    [v.value(), d.value(), d.tangent()[0]]
}

/// Operators with a plain float of the dual's own base type on either side, and the
/// assign forms, at x = 4 with the constant 6 (every result exact but `x / 6`).
macro_rules! scalar_ops {
    ($name:ident, $t:ty) => {
        #[test]
        fn $name() {
            let x = Dual::<$t>::variable::<0>(4.0);
            let c: $t = 6.0;
            assert_eq!(vt(x + c), (10.0, 1.0));
            assert_eq!(vt(c + x), (10.0, 1.0));
            assert_eq!(vt(x - c), (-2.0, 1.0));
            assert_eq!(vt(c - x), (2.0, -1.0));
            assert_eq!(vt(x * c), (24.0, 6.0));
            assert_eq!(vt(c * x), (24.0, 6.0));
            assert_eq!(vt(x / c), (4.0 / c, 1.0 / c));
            assert_eq!(vt(c / x), (1.5, -0.375)); // −c/x²
            assert_eq!(vt(x % c), (4.0, 1.0));
            assert_eq!(vt(c % x), (2.0, -1.0)); // −trunc(c/x)
            let mut y = x;
            y += c;
            assert_eq!(vt(y), (10.0, 1.0));
            y -= 2.0;
            assert_eq!(vt(y), (8.0, 1.0));
            y *= c;
            assert_eq!(vt(y), (48.0, 6.0));
            y /= 4.0;
            assert_eq!(vt(y), (12.0, 1.5));
            y %= 5.0;
            assert_eq!(vt(y), (2.0, 1.5));
            // And with a dual on both sides.
            y += x;
            assert_eq!(vt(y), (6.0, 2.5));
            y -= x;
            y *= x;
            assert_eq!(vt(y), (8.0, 8.0)); // (2, 1.5)·(4, 1): 2·1 + 1.5·4
            y /= x;
            assert_eq!(vt(y), (2.0, 1.5));
            y %= x;
            assert_eq!(vt(y), (2.0, 1.5));
        }
    };
}

scalar_ops!(scalar_ops_f32, f32);
scalar_ops!(scalar_ops_f64, f64);

#[test]
fn scalar_ops_nested_with_plain_f64() {
    assert_eq!(nested(|x| x + 6.0, 4.0), [10.0, 1.0, 0.0]);
    assert_eq!(nested(|x| 6.0 - x, 4.0), [2.0, -1.0, 0.0]);
    assert_eq!(nested(|x| 2.0 * x * x, 4.0), [32.0, 16.0, 4.0]);
    assert_eq!(nested(|x| 6.0 / x, 4.0), [1.5, -0.375, 0.1875]); // 2c/x³
    assert_eq!(nested(|x| x / 2.0, 4.0), [2.0, 0.5, 0.0]);
    assert_eq!(nested(|x| 6.0 % x, 4.0), [2.0, -1.0, 0.0]);
    assert_eq!(nested(|x| x % 3.0, 4.0), [1.0, 1.0, 0.0]);
    let assigned = nested(
        |x| {
            let mut y = x;
            y *= x;
            y += 1.0;
            y -= 3.0;
            y *= 2.0;
            y /= 4.0;
            y %= 5.0;
            y
        },
        4.0,
    );
    assert_eq!(assigned, [2.0, 4.0, 1.0]); // ((x² − 2)/2) mod 5 = 7 mod 5
}

#[test]
fn sum_and_product() {
    let x = Dual::<f64, U2>::variable::<0>(2.0);
    let y = Dual::<f64, U2>::variable::<1>(3.0);
    let s: Dual<f64, U2> = [x, y, x].into_iter().sum();
    assert_eq!((s.value(), s.tangent().as_slice()), (7.0, &[2.0, 1.0][..]));
    let s: Dual<f64, U2> = [x, y].iter().sum();
    assert_eq!((s.value(), s.tangent().as_slice()), (5.0, &[1.0, 1.0][..]));
    let p: Dual<f64, U2> = [x, y, x].into_iter().product();
    assert_eq!(
        (p.value(), p.tangent().as_slice()),
        (12.0, &[12.0, 4.0][..])
    );
    let p: Dual<f64, U2> = [x, y].iter().product();
    assert_eq!((p.value(), p.tangent().as_slice()), (6.0, &[3.0, 2.0][..]));
    let empty: [Dual<f64, U2>; 0] = [];
    assert_eq!(empty.iter().sum::<Dual<f64, U2>>().value(), 0.0);
    assert_eq!(empty.iter().product::<Dual<f64, U2>>().value(), 1.0);
}

#[test]
fn comparisons_look_at_the_value_only() {
    let x = Dual::<f64>::variable::<0>(1.0);
    let c = Dual::<f64>::constant(1.0);
    assert_eq!(x, c);
    assert!(x != Dual::constant(2.0));
    assert!(x < Dual::constant(2.0) && x >= c && x <= c);
    assert_eq!(x.partial_cmp(&c), Some(core::cmp::Ordering::Equal));
    assert_eq!(x.partial_cmp(&Dual::nan()), None);
    assert!(Dual::<f64>::nan() != Dual::nan());
}

#[test]
fn default_is_the_constant_zero() {
    let d = Dual::<f32, U3>::default();
    assert_eq!((d.value(), d.tangent().as_slice()), (0.0, &[0.0; 3][..]));
    assert!(Dual::<f64>::zero().is_zero() && !Dual::<f64>::one().is_zero());
    assert_eq!(vt(Dual::<f64>::one()), (1.0, 0.0));
}

#[test]
fn formatting() {
    let x = Dual::<f64, U2>::variable::<1>(1.5);
    assert_eq!(format!("{x}"), "1.5 + [0, 1]ε");
    assert_eq!(format!("{x:.1}"), "1.5 + [0.0, 1.0]ε");
    assert_eq!(format!("{x:?}"), "Dual { value: 1.5, tangent: [0.0, 1.0] }");
    let y = Dual::<f32>::variable::<0>(-1500.0) * 2.0;
    assert_eq!(format!("{y}"), "-3000 + 2ε");
    assert_eq!(format!("{y:e}"), "-3e3 + 2e0ε");
    assert_eq!(format!("{y:E}"), "-3E3 + 2E0ε");
    assert_eq!(format!("{y:?}"), "Dual { value: -3000.0, tangent: [2.0] }");
}

#[test]
fn casts() {
    // With `NumCast` in scope, `Dual::from(c)` and the tape's `Active::from(c)` still compile
    // (issue 11: `tape::Var::from(3.0)` was ambiguous): the inherent `from` takes the scalar.
    use num_traits::NumCast;
    assert_eq!(vt(Dual::<f64>::from(3.0)), (3.0, 0.0));
    let t = typegrad::tape::gradient::<_, 4>(|[x]| x * typegrad::tape::Active::from(3.0), [2.0]);
    assert_eq!(t, Ok((6.0, [3.0])));
    let c: Dual<f32> = NumCast::from(3_u8).unwrap();
    assert_eq!(vt(c), (3.0, 0.0));
    let c = <Dual<f64> as NumCast>::from(-2.5_f32).unwrap();
    assert_eq!(vt(c), (-2.5, 0.0));
    let x = Dual::<f64>::variable::<0>(2.7);
    assert_eq!(
        (x.to_i32(), x.to_u8(), x.to_f32()),
        (Some(2), Some(2), Some(2.7_f32))
    );
    assert_eq!((-x).to_u8(), None);
    assert_eq!(Dual::<f64>::nan().to_i64(), None);
    assert_eq!(Dual::<f32>::constant(0.5).to_f64(), Some(0.5));
    assert_eq!(vt(Dual::<f64>::from_i64(-4).unwrap()), (-4.0, 0.0));
    assert_eq!(vt(Dual::<f32>::from_f64(0.1).unwrap()), (0.1_f32, 0.0));
    assert_eq!(
        vt(Dual::<f64>::from_u128(1 << 70).unwrap()),
        (2f64.powi(70), 0.0)
    );
    assert_eq!(
        vt(Dual::<f64>::from_str_radix("-2.25", 10).unwrap()),
        (-2.25, 0.0)
    );
    assert!(Dual::<f64>::from_str_radix("x", 10).is_err());
}

#[test]
fn signed() {
    let x = Dual::<f64>::variable::<0>(-2.0);
    assert_eq!(vt(Signed::abs(&x)), (2.0, -1.0));
    assert_eq!(vt(Signed::signum(&x)), (-1.0, 0.0));
    assert_eq!(vt(Signed::abs_sub(&x, &Dual::constant(-5.0))), (3.0, 1.0));
    assert_eq!(vt(Signed::abs_sub(&x, &Dual::constant(5.0))), (0.0, 0.0));
    assert!(x.is_negative() && !x.is_positive());
    let zero = Dual::<f64>::variable::<0>(0.0);
    assert!(!zero.is_negative() && !zero.is_positive());
}

#[test]
fn inv_and_pow() {
    let x = Dual::<f64>::variable::<0>(2.0);
    assert_eq!(vt(x.inv()), (0.5, -0.25));
    assert_eq!(vt(x.pow(3_i32)), (8.0, 12.0));
    assert_eq!(vt(x.pow(-2_i32)), (0.25, -0.25));
    // Expected values through `Float`, the math library the duals use (std or libm).
    let pow = <f64 as Float>::powf;
    assert_eq!(vt(x.pow(0.5_f64)), (pow(2.0, 0.5), 0.5 * pow(2.0, -0.5)));
    assert_eq!(
        vt(Dual::<f32>::variable::<0>(4.0).pow(0.5_f32)),
        (2.0, 0.25)
    );
    assert_eq!(vt(x.pow(Dual::constant(3.0))), (8.0, 12.0));
    // Both varying: ∂x xʸ = y xʸ⁻¹, ∂y xʸ = xʸ ln x.
    let (v, g) = gradient(|[x, y]| x.pow(y), [2.0, 3.0]);
    assert_eq!((v, g), (8.0, [12.0, 8.0 * <f64 as Float>::ln(2.0)]));
}

#[test]
fn constants() {
    type D = Dual<f64, U2>;
    let all = [
        (D::PI(), core::f64::consts::PI),
        (D::E(), core::f64::consts::E),
        (D::TAU(), core::f64::consts::TAU),
        (D::LN_2(), core::f64::consts::LN_2),
        (D::SQRT_2(), core::f64::consts::SQRT_2),
        (D::FRAC_1_SQRT_2(), core::f64::consts::FRAC_1_SQRT_2),
        (D::LOG2_10(), core::f64::consts::LOG2_10),
        (<D as Bounded>::min_value(), f64::MIN),
        (<D as Bounded>::max_value(), f64::MAX),
        (D::nan(), f64::NAN),
        (D::infinity(), f64::INFINITY),
        (D::neg_infinity(), f64::NEG_INFINITY),
        (D::neg_zero(), -0.0),
        (D::epsilon(), f64::EPSILON),
        (D::min_positive_value(), f64::MIN_POSITIVE),
        (<D as Float>::max_value(), f64::MAX),
    ];
    for (d, c) in all {
        assert_eq!(d.value().to_bits(), c.to_bits());
        assert_eq!(d.tangent().as_slice(), &[0.0, 0.0]);
    }
}

#[test]
fn classification_looks_at_the_value() {
    let x = Dual::<f64>::variable::<0>(1e-310);
    assert!(x.is_subnormal() && !x.is_normal() && x.is_finite() && !x.is_nan());
    assert_eq!(x.classify(), FpCategory::Subnormal);
    assert_eq!(x.integer_decode(), 1e-310_f64.integer_decode());
    let y = Dual::<f32>::variable::<0>(-0.0);
    assert!(y.is_sign_negative() && !y.is_sign_positive());
    assert!(Dual::<f64>::infinity().is_infinite());
}

#[test]
fn mul_add() {
    let a = Dual::<f64, U3>::variable::<0>(2.0);
    let b = Dual::<f64, U3>::variable::<1>(3.0);
    let c = Dual::<f64, U3>::variable::<2>(1.0);
    let d = MulAdd::mul_add(a, b, c);
    assert_eq!(
        (d.value(), d.tangent().as_slice()),
        (7.0, &[3.0, 2.0, 1.0][..])
    );
    let d = Float::mul_add(a, b, c);
    assert_eq!(
        (d.value(), d.tangent().as_slice()),
        (7.0, &[3.0, 2.0, 1.0][..])
    );
    let mut e = a;
    e.mul_add_assign(b, c);
    assert_eq!(
        (e.value(), e.tangent().as_slice()),
        (7.0, &[3.0, 2.0, 1.0][..])
    );
}

#[test]
fn nested_derivatives_keep_their_perturbations_apart() {
    // d/dx [x · d/dy (x + y)] at x = 1: the inner derivative is 1, so the answer is 1.
    // Mixing the two perturbations would give 2.
    let (v, d) = derivative(
        |x| x * derivative(|y| Dual::from(x) + y, Dual::from(1.0)).1,
        1.0,
    );
    assert_eq!((v, d), (1.0, 1.0));
    // d/dx [x · d/dy (x·y)] = d/dx x² = 2x.
    let (v, d) = derivative(
        |x| x * derivative(|y| Dual::from(x) * y, Dual::from(3.0)).1,
        1.5,
    );
    assert_eq!((v, d), (2.25, 3.0));
}

/// Rosenbrock's function, generic, passed by name below.
fn rosenbrock<T: Float>([x, y]: [T; 2]) -> T {
    let (one, hundred) = (T::one(), T::from(100.0).unwrap());
    (one - x).powi(2) + hundred * (y - x * x).powi(2)
}

#[test]
fn generic_function_by_name() {
    let p = [1.5, 0.5];
    let [x, y] = p;
    let v = (1.0 - x) * (1.0 - x) + 100.0 * (y - x * x) * (y - x * x);
    let g = [
        -2.0 * (1.0 - x) - 400.0 * x * (y - x * x),
        200.0 * (y - x * x),
    ];
    let h01 = -400.0 * x;
    let h = [
        [2.0 - 400.0 * (y - x * x) + 800.0 * x * x, h01],
        [h01, 200.0],
    ];
    assert_eq!(gradient(rosenbrock, p), (v, g));
    assert_eq!(grad(rosenbrock)(p), g);
    assert_eq!(hessian(rosenbrock, p), (v, g, h));
    // The minimum: zero gradient, positive definite Hessian.
    let (v, g, h) = hessian(rosenbrock, [1.0, 1.0]);
    assert_eq!(
        (v, g, h),
        (0.0, [0.0, 0.0], [[802.0, -400.0], [-400.0, 200.0]])
    );
    // f32 too.
    assert_eq!(grad(rosenbrock)([1.0_f32, 1.0]), [0.0, 0.0]);
}

#[test]
fn hessian_is_symmetric_and_matches_closed_forms() {
    fn f<T: Float>([x, y, z]: [T; 3]) -> T {
        (x * y).sin() + z * x.exp()
    }
    let [x, y, z] = [0.7, 1.3, 2.1_f64];
    let (v, g, h) = hessian(f, [x, y, z]);
    let (s, c, e) = ((x * y).sin(), (x * y).cos(), x.exp());
    let want_g = [y * c + z * e, x * c, e];
    let want_h = [
        [-y * y * s + z * e, c - x * y * s, e],
        [c - x * y * s, -x * x * s, 0.0],
        [e, 0.0, 0.0],
    ];
    let close = |a: f64, b: f64| (a - b).abs() <= 4.0 * f64::EPSILON * b.abs().max(1.0);
    assert!(close(v, f([x, y, z])));
    for i in 0..3 {
        assert!(
            close(g[i], want_g[i]),
            "g[{i}] = {}, want {}",
            g[i],
            want_g[i]
        );
        for j in 0..3 {
            assert_eq!(h[i][j], h[j][i], "H[{i}][{j}]");
            assert!(close(h[i][j], want_h[i][j]), "H[{i}][{j}] = {}", h[i][j]);
        }
    }
}

#[test]
fn jacobian_and_jvp() {
    // Polar to Cartesian: J = [[cos θ, −r sin θ], [sin θ, r cos θ]].
    let (r, t) = (2.0_f64, 0.6_f64);
    let (fx, j) = jacobian(|[r, t]| [r * t.cos(), r * t.sin()], [r, t]);
    let (s, c) = (Float::sin(t), Float::cos(t));
    assert_eq!(fx, [r * c, r * s]);
    assert_eq!(j, [[c, -r * s], [s, r * c]]);
    // jvp: the directional derivative along v is J·v, for one output.
    let v = [0.25, -3.0];
    let (fy, d) = jvp(|[r, t]| r * t.sin(), [r, t], v);
    assert_eq!(fy, r * s);
    assert_eq!(d, s * v[0] + r * c * v[1]);
    // Three inputs, two outputs, with a jvp that matches the Jacobian's rows.
    let p = [1.0, 2.0, 3.0_f64];
    let (fx, j) = jacobian(|[x, y, z]| [x * y * z, x + y * z], p);
    assert_eq!((fx, j), ([6.0, 7.0], [[6.0, 3.0, 2.0], [1.0, 3.0, 2.0]]));
    let dir = [1.0, -1.0, 0.5];
    assert_eq!(jvp(|[x, y, z]| x * y * z, p, dir), (6.0, 6.0 - 3.0 + 1.0));
}
