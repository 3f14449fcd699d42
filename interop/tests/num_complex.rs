//! num-complex over duals, unchanged: `Complex<Dual<f64>>` carries derivatives through
//! complex arithmetic and functions. A holomorphic `f` has `∂f/∂x = f'(z)` and
//! `∂f/∂y = i·f'(z)`; the modulus and argument are checked by finite differences; and
//! nalgebra's complex determinant (simba's `ComplexField` for `Complex<N: RealField>`) runs
//! over dual reals.

use nalgebra::Matrix3;
use num_complex::Complex;
use typegrad::check::check_gradient;
use typegrad::{Dual, Float, gradient};

type C = Complex<f64>;

fn f<T: Float>(z: Complex<T>) -> Complex<T> {
    let one = Complex::new(T::one(), T::zero());
    z.exp() * z.sin() / (z + one).sqrt()
        + z.powc(Complex::new(T::from(0.5).unwrap(), T::one())).ln()
}

/// `f'(z)`, written out.
fn df(z: C) -> C {
    let one = C::new(1.0, 0.0);
    let p = C::new(0.5, 1.0);
    let s = (z + one).sqrt();
    let g = z.exp() * z.sin();
    let dg = z.exp() * (z.sin() + z.cos());
    (dg * s - g * (one / (s * 2.0))) / (s * s) + p / z
}

#[test]
fn holomorphic_functions() {
    for (x, y) in [(0.3, 0.4), (1.2, -0.7), (-0.4, 0.9)] {
        let (re, d_re) = gradient(|[x, y]| f(Complex::new(x, y)).re, [x, y]);
        let (im, d_im) = gradient(|[x, y]| f(Complex::new(x, y)).im, [x, y]);
        let z = C::new(x, y);
        assert_eq!(C::new(re, im), f(z));
        let d = df(z);
        // [∂Re/∂x, ∂Re/∂y] = [Re f', −Im f'], [∂Im/∂x, ∂Im/∂y] = [Im f', Re f'].
        let got = [d_re[0], d_re[1], d_im[0], d_im[1]];
        let exact = [d.re, -d.im, d.im, d.re];
        for (g, e) in got.iter().zip(&exact) {
            assert!(
                (g - e).abs() < 1e-12 * e.abs().max(1.0),
                "{got:?} {exact:?}"
            );
        }
    }
}

#[test]
fn modulus_and_argument() {
    let g = |[x, y]: [f64; 2]| {
        let z = C::new(x, y);
        z.norm() * z.arg().cos() + z.norm_sqr().ln()
    };
    let x = [0.8, -1.3];
    let (v, d) = gradient(
        |[x, y]| {
            let z = Complex::new(x, y);
            z.norm() * z.arg().cos() + z.norm_sqr().ln()
        },
        x,
    );
    assert_eq!(v, g(x));
    let r = check_gradient(g, x, d);
    assert!(r.passes(1e-9), "{r:?}");
}

#[test]
fn nalgebra_complex_determinant_over_duals() {
    // d det(A + tȦ)/dt = det A · tr(A⁻¹Ȧ), all complex.
    let a = Matrix3::from_fn(|i, j| {
        C::new(
            (i + 2 * j) as f64 * 0.3 + if i == j { 2.0 } else { 0.0 },
            (i as f64 - j as f64) * 0.2,
        )
    });
    let da = Matrix3::from_fn(|i, j| C::new(((i * 3 + j) as f64).cos(), ((i + j) as f64).sin()));
    let m = a.zip_map(&da, |v, t| {
        Complex::new(
            Dual::<f64>::new(v.re, [t.re].into()),
            Dual::new(v.im, [t.im].into()),
        )
    });
    let d = m.determinant();
    let exact = a.determinant() * (a.try_inverse().unwrap() * da).trace();
    let got = C::new(d.re.tangent()[0], d.im.tangent()[0]);
    assert_eq!(C::new(d.re.value(), d.im.value()), a.determinant());
    assert!((got - exact).norm() < 1e-12 * exact.norm(), "{got} {exact}");
}
