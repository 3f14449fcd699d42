//! cgmath's `determinant` and `invert`, unchanged: cgmath's `BaseFloat` asks for approx
//! 0.4's traits, which the `approx` feature implements next to approx 0.5's. Forward mode
//! (duals) and reverse mode (the global tape) against Jacobi's formula and `−A⁻¹ȦA⁻¹`.

use cgmath::{Matrix3, Matrix4, SquareMatrix};
use nalgebra::{Matrix3 as N3, Matrix4 as N4};
use typegrad::{Dual, global};

typegrad::global_tape!(Tape: f64, 512);

type D1 = Dual<f64>;

fn m3<T: cgmath::BaseFloat>(x: [T; 9]) -> Matrix3<T> {
    Matrix3::new(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8])
}

fn m4<T: cgmath::BaseFloat>(x: [T; 16]) -> Matrix4<T> {
    let c = |j: usize| cgmath::Vector4::new(x[4 * j], x[4 * j + 1], x[4 * j + 2], x[4 * j + 3]);
    Matrix4::from_cols(c(0), c(1), c(2), c(3))
}

/// The same matrices in nalgebra (column-major input, as cgmath's constructors take it).
fn n3(x: [f64; 9]) -> N3<f64> {
    N3::from_column_slice(&x)
}

fn n4(x: [f64; 16]) -> N4<f64> {
    N4::from_column_slice(&x)
}

fn sample<const N: usize>(seed: f64) -> [f64; N] {
    let d = (N as f64).sqrt() as usize;
    core::array::from_fn(|k| {
        ((k as f64 + seed) * 1.618).sin() + if k % (d + 1) == 0 { 3.0 } else { 0.0 }
    })
}

fn dir<const N: usize>() -> [f64; N] {
    core::array::from_fn(|k| ((k as f64) * 0.77).cos())
}

fn duals<const N: usize>(x: [f64; N], dx: [f64; N]) -> [D1; N] {
    core::array::from_fn(|k| Dual::new(x[k], [dx[k]].into()))
}

#[test]
fn determinant_forward_and_reverse() {
    let (x3, dx3) = (sample::<9>(0.3), dir::<9>());
    let d = m3(duals(x3, dx3)).determinant();
    let (a, da) = (n3(x3), n3(dx3));
    let exact = a.determinant() * (a.try_inverse().unwrap() * da).trace();
    assert_eq!(d.value(), m3(x3).determinant());
    assert!(
        (d.tangent()[0] - exact).abs() < 1e-12 * exact.abs(),
        "{d} {exact}"
    );
    // Reverse: ∇ det = det A · A⁻ᵀ (here on column-major inputs).
    let (v, g) = global::gradient::<Tape, 9>(|x| m3(x).determinant(), x3).unwrap();
    assert_eq!(v, m3(x3).determinant());
    let grad = a.try_inverse().unwrap().transpose() * a.determinant();
    for (gk, ek) in g.iter().zip(grad.as_slice()) {
        assert!((gk - ek).abs() < 1e-12 * ek.abs().max(1.0), "{g:?} {grad}");
    }

    let (x4, dx4) = (sample::<16>(0.7), dir::<16>());
    let d = m4(duals(x4, dx4)).determinant();
    let (a, da) = (n4(x4), n4(dx4));
    let exact = a.determinant() * (a.try_inverse().unwrap() * da).trace();
    assert!(
        (d.tangent()[0] - exact).abs() < 1e-12 * exact.abs(),
        "{d} {exact}"
    );
    let (_, g) = global::gradient::<Tape, 16>(|x| m4(x).determinant(), x4).unwrap();
    let grad = a.try_inverse().unwrap().transpose() * a.determinant();
    for (gk, ek) in g.iter().zip(grad.as_slice()) {
        assert!((gk - ek).abs() < 1e-12 * ek.abs().max(1.0), "{g:?} {grad}");
    }
}

#[test]
fn invert_forward_and_reverse() {
    let (x3, dx3) = (sample::<9>(1.1), dir::<9>());
    let inv = m3(duals(x3, dx3)).invert().unwrap();
    let (a, da) = (n3(x3), n3(dx3));
    let ai = a.try_inverse().unwrap();
    let exact = -ai * da * ai;
    let got: &[D1; 9] = inv.as_ref();
    for (g, e) in got.iter().zip(exact.as_slice()) {
        assert!(
            (g.tangent()[0] - e).abs() < 1e-12 * e.abs().max(1.0),
            "{inv:?}\n{exact}"
        );
    }
    let (x4, dx4) = (sample::<16>(1.9), dir::<16>());
    let inv = m4(duals(x4, dx4)).invert().unwrap();
    let (a, da) = (n4(x4), n4(dx4));
    let ai = a.try_inverse().unwrap();
    let exact = -ai * da * ai;
    let got: &[D1; 16] = inv.as_ref();
    for (g, e) in got.iter().zip(exact.as_slice()) {
        assert!(
            (g.tangent()[0] - e).abs() < 1e-12 * e.abs().max(1.0),
            "{inv:?}\n{exact}"
        );
    }
    // Reverse: the gradient of the inverse's trace is −(A⁻²)ᵀ.
    let (_, g) = global::gradient::<Tape, 16>(
        |x| {
            let i = m4(x).invert().unwrap();
            i.x.x + i.y.y + i.z.z + i.w.w
        },
        x4,
    )
    .unwrap();
    let exact = -(ai * ai).transpose();
    for (gk, ek) in g.iter().zip(exact.as_slice()) {
        assert!((gk - ek).abs() < 1e-12 * ek.abs().max(1.0), "{g:?} {exact}");
    }
    // Singular: `None`, decided on the value, as in f64.
    assert!(
        m3(duals([1.0, 2.0, 3.0, 2.0, 4.0, 6.0, 0.0, 1.0, 5.0], dx3))
            .invert()
            .is_none()
    );
}
