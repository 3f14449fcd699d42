use nalgebra::{Matrix2, Matrix3, RealField};
use typegrad::{global, jacobian};

/// The inverse of a 2×2 matrix, written once against nalgebra's `RealField`.
fn inverse<T: RealField + Copy>([a, b, c, d]: [T; 4]) -> [T; 4] {
    let inv = Matrix2::new(a, b, c, d).try_inverse().expect("invertible");
    [inv.m11, inv.m12, inv.m21, inv.m22]
}

/// ln det(AAᵀ + I), through nalgebra's Cholesky decomposition.
fn log_det<T: RealField + Copy>(x: [T; 9]) -> T {
    let a = Matrix3::from_row_slice(&x);
    let s = a * a.transpose() + Matrix3::identity();
    let l = s.cholesky().expect("positive definite").l();
    l.diagonal().iter().fold(T::zero(), |sum, d| sum + d.ln()) * nalgebra::convert(2.0)
}

// A tape for `global::Var`, the `'static` variable that nalgebra takes: 512 records.
typegrad::global_tape!(Tape: f64, 512);

fn main() {
    // Forward mode: the 4×4 Jacobian of the inverse, from one call with duals.
    let x = [4.0_f64, 1.0, 2.0, 3.0];
    let (inv, j) = jacobian(inverse, x);
    println!("A⁻¹ = {inv:?}");
    println!("∂A⁻¹/∂a = {:.3?}", j.map(|row| row[0])); // −A⁻¹ E₁₁ A⁻¹
    let a = Matrix2::new(x[0], x[1], x[2], x[3]).try_inverse().unwrap();
    let e11 = -a * Matrix2::new(1.0, 0.0, 0.0, 0.0) * a;
    assert!((j[1][0] - e11.m12).abs() < 1e-15);

    // Reverse mode through a decomposition: the gradient of ln det(AAᵀ + I), one sweep.
    let x = [2.0_f64, 0.5, 0.0, 0.5, 1.0, 0.25, 0.0, 0.25, 3.0];
    let (v, g) = global::gradient::<Tape, 9>(log_det, x).unwrap();
    println!("ln det = {v:.6}, gradient = {g:.3?}");
    let a = Matrix3::from_row_slice(&x);
    let s = a * a.transpose() + Matrix3::identity();
    let exact = s.try_inverse().unwrap() * a * 2.0; // 2 (AAᵀ + I)⁻¹ A, row by row in `g`
    let close = |(g, e): (&f64, &f64)| (g - e).abs() < 1e-12;
    assert!(g.iter().zip(exact.transpose().iter()).all(close));
}
