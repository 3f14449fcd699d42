//! Where a derivative does not exist (repeated eigenvalues or singular values, a singular
//! matrix, a norm at zero), what forward mode gives through nalgebra's algorithms: the
//! values are nalgebra's, nothing panics, and the tangents are what the crate docs say.

mod common;

use nalgebra::{Matrix3, Matrix6, SMatrix, Vector3, Vector6};
use typegrad::Dual;

use common::{Stream, n3, n6};

type D1 = Dual<f64>;

fn along<const R: usize, const C: usize>(
    a: SMatrix<f64, R, C>,
    da: SMatrix<f64, R, C>,
) -> SMatrix<D1, R, C> {
    a.zip_map(&da, |v, t| Dual::new(v, [t].into()))
}

fn tangents<const R: usize, const C: usize>(m: SMatrix<D1, R, C>) -> SMatrix<f64, R, C> {
    m.map(|d| d.tangent()[0])
}

fn values<const R: usize, const C: usize>(m: SMatrix<D1, R, C>) -> SMatrix<f64, R, C> {
    m.map(|d| d.value())
}

/// An orthogonal 3×3 matrix.
fn orthogonal(s: &mut Stream) -> Matrix3<f64> {
    s.general::<3>().qr().q()
}

#[test]
fn repeated_eigenvalues_of_a_diagonal_matrix() {
    // Already diagonal: nalgebra does no rotation, so each eigenvalue's tangent is the
    // matching diagonal entry of Ȧ (to rounding: the algorithm scales the matrix) and the
    // eigenvectors' tangents are zero. The true directional derivatives of the double
    // eigenvalue 2 are the eigenvalues of Ȧ's upper 2×2 block, which are not its diagonal.
    let a = Matrix3::from_diagonal(&Vector3::new(2.0, 2.0, 5.0));
    let da = Stream::new(3).sym_direction::<3>();
    let vals = n3::eigenvalues(along(a, da));
    assert_eq!(values(vals), Vector3::new(2.0, 2.0, 5.0));
    assert!((tangents(vals) - da.diagonal()).amax() < 1e-15);
    assert_eq!(tangents(n3::eigenvectors(along(a, da))), Matrix3::zeros());
    let block = da
        .fixed_view::<2, 2>(0, 0)
        .into_owned()
        .symmetric_eigenvalues();
    assert!((block[0] - da[(0, 0)]).abs() > 1e-3 && (block[0] - da[(1, 1)]).abs() > 1e-3);
}

/// How the tangents at a repeated eigen- or singular value came out.
#[derive(Debug, PartialEq)]
enum Regime {
    /// Each tangent is wᵢᵢ (`vᵢᵀȦvᵢ` or `uᵢᵀȦvᵢ`) in the basis the algorithm returns.
    Diagonal,
    /// A rotation inside the cluster divided by a gap of rounding size: vector tangents
    /// beyond 1e10.
    Blown,
}

/// The regime at `Q·diag(l)·Qᵀ` (`symmetric`) or `Q·diag(l)·Rᵀ`, for 16 matrices; asserts
/// that every tangent is finite, that each case is one of the two regimes, and what is
/// still right in each.
fn regimes(symmetric: bool, l: [f64; 3]) -> Vec<Regime> {
    (0..16)
        .map(|seed| {
            let mut s = Stream::new(seed);
            let q = orthogonal(&mut s);
            let r = if symmetric { q } else { orthogonal(&mut s) };
            let a = q * Matrix3::from_diagonal(&Vector3::from(l)) * r.transpose();
            let da = if symmetric {
                s.sym_direction::<3>()
            } else {
                s.matrix::<3, 3>()
            };
            // The values and vectors of the dual computation, and its tangents.
            let (vals, vecs, basis) = if symmetric {
                let (v, q) = (
                    n3::eigenvalues(along(a, da)),
                    n3::eigenvectors(along(a, da)),
                );
                (v, tangents(q), (values(q), values(q)))
            } else {
                let uv = n3::singular_vectors(along(a, da));
                let (u, vt) = (
                    values(uv).fixed_columns::<3>(0).into_owned(),
                    values(uv).fixed_columns::<3>(3).into_owned(),
                );
                (
                    n3::singular_values(along(a, da)),
                    tangents(uv).fixed_columns::<3>(0).into_owned(),
                    (u, vt.transpose()),
                )
            };
            assert!(
                tangents(vals)
                    .iter()
                    .chain(vecs.iter())
                    .all(|t| t.is_finite()),
                "seed {seed}"
            );
            let w = (basis.0.transpose() * da * basis.1).diagonal();
            let simple = (0..3)
                .find(|&i| {
                    (values(vals)[i] - 1.0).abs() < 1e-9 || (values(vals)[i] - 5.0).abs() < 1e-9
                })
                .unwrap();
            if (tangents(vals) - w).amax() < 1e-12 {
                Regime::Diagonal
            } else {
                assert!(vecs.amax() > 1e10, "seed {seed}: neither regime: {}", vecs);
                if symmetric {
                    // The simple eigenvalue keeps its derivative even then.
                    assert!(
                        (tangents(vals)[simple] - w[simple]).abs() < 1e-12,
                        "seed {seed}"
                    );
                }
                Regime::Blown
            }
        })
        .collect()
}

#[test]
fn repeated_eigenvalues_of_rotated_matrices() {
    // Q·diag(2, 2, 5)·Qᵀ: rounding splits the double eigenvalue by ~1e-15. Which regime a
    // matrix falls in depends on the iterations the algorithm takes; both occur.
    let r = regimes(true, [2.0, 2.0, 5.0]);
    assert!(
        r.contains(&Regime::Diagonal) && r.contains(&Regime::Blown),
        "{r:?}"
    );
}

#[test]
fn repeated_singular_values() {
    // U·diag(3, 3, 1)·Vᵀ: the same two regimes (in the second, even the simple singular
    // value's tangent can be off, by up to 1e-3 in these cases).
    let r = regimes(false, [3.0, 3.0, 1.0]);
    assert!(
        r.contains(&Regime::Diagonal) && r.contains(&Regime::Blown),
        "{r:?}"
    );
}

/// The cofactors of column 0 of a 6×6 matrix.
fn cofactors0(a: &Matrix6<f64>) -> Vector6<f64> {
    Vector6::from_fn(|i, _| {
        let minor = a.remove_row(i).remove_column(0).determinant();
        if i % 2 == 0 { minor } else { -minor }
    })
}

#[test]
fn singular_matrices() {
    let mut s = Stream::new(8);
    let da = s.matrix::<6, 6>();
    // Rounding leaves a tiny pivot: the LU determinant has the derivative adj(A):Ȧ, whose
    // column-5 part suffices here because column 5 = column 0 + column 1 (all other
    // cofactor terms of Ȧ's columns 0–4 are there too; compare with the full expansion).
    let mut a = s.general::<6>();
    let c = a.column(0) + a.column(1);
    a.set_column(5, &c);
    let d = n6::det(along(a, da))[(0, 0)];
    let adj = Matrix6::from_fn(|i, j| {
        let minor = a.remove_row(j).remove_column(i).determinant();
        if (i + j) % 2 == 0 { minor } else { -minor }
    });
    let exact = (adj * da).trace();
    assert!(d.value().abs() < 1e-9);
    assert!(
        (d.tangent()[0] - exact).abs() < 1e-9 * exact.abs(),
        "{d} {exact}"
    );

    // An exactly zero column 0: LU meets a zero pivot, skips that elimination step (the
    // value has nothing to eliminate), and the tangent keeps only Ȧ₀₀·C₀₀ of the derivative
    // Σᵢ Ȧᵢ₀·Cᵢ₀.
    let mut z = s.general::<6>();
    z.set_column(0, &Vector6::zeros());
    let cof = cofactors0(&z);
    let d = n6::det(along(z, da))[(0, 0)];
    assert_eq!(d.value(), 0.0);
    let got = da[(0, 0)] * cof[0];
    assert!(
        (d.tangent()[0] - got).abs() < 1e-12 * got.abs().max(1.0),
        "{d} {got}"
    );
    let derivative = da.column(0).dot(&cof);
    assert!(
        (d.tangent()[0] - derivative).abs() > 1.0,
        "{d} {derivative}"
    );

    // The 3×3 closed form has the derivative also there.
    let mut z3 = s.general::<3>();
    z3.set_column(0, &Vector3::zeros());
    let d3 = s.matrix::<3, 3>();
    let cof3 = Vector3::from_fn(|i, _| {
        let minor = z3.remove_row(i).remove_column(0).determinant();
        if i % 2 == 0 { minor } else { -minor }
    });
    let y = n3::det(along(z3, d3))[(0, 0)];
    assert!((y.tangent()[0] - d3.column(0).dot(&cof3)).abs() < 1e-12);

    // Inverse and solves decide on the values, as in f64: none.
    let (zd, b) = (along(z, da), along(s.matrix::<6, 1>(), s.matrix::<6, 1>()));
    assert!(zd.try_inverse().is_none());
    assert!(zd.lu().solve(&b).is_none());
    assert!(zd.qr().solve(&b).is_none());
}

#[test]
fn norms_at_zero() {
    // ‖x‖ has no derivative at x = 0: the tangent is 0 (sqrt's infinite derivative at 0
    // meets the zero tangent of ‖x‖², and a zero tangent stays zero), where the one-sided
    // derivative along ẋ would be ‖ẋ‖. `normalize` is 0/0: NaN, value and tangent.
    let da = Stream::new(9).matrix::<3, 3>();
    let y = n3::norms(along(Matrix3::zeros(), da));
    assert_eq!(values(y).amax(), 0.0);
    assert_eq!(tangents(y).amax(), 0.0);
    let u = n3::normalize(along(Matrix3::zeros(), da));
    assert!(
        values(u)
            .iter()
            .chain(tangents(u).iter())
            .all(|v| v.is_nan())
    );
}
