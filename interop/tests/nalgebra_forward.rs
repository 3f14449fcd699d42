//! nalgebra's own algorithms, unchanged, differentiated in forward mode: the matrix is
//! `A + t·Ȧ` in duals (one tangent), and each result's tangent is checked against the
//! closed form of the derivative and against finite differences of the same algorithm in
//! `f64` (`typegrad::check`), at 3×3 and 6×6 (nalgebra uses closed forms up to 3×3 for the
//! determinant and the inverse, LU beyond).

mod common;

use nalgebra::{SMatrix, SVector};
use typegrad::{Dual, Scalar};

use common::{Stream, close, fd};

type D1 = Dual<f64>;

/// `a + t·da` as duals with one tangent.
fn along<const R: usize, const C: usize>(
    a: SMatrix<f64, R, C>,
    da: SMatrix<f64, R, C>,
) -> SMatrix<D1, R, C> {
    a.zip_map(&da, |v, t| Dual::new(v, [t].into()))
}

fn values<const R: usize, const C: usize>(m: SMatrix<D1, R, C>) -> SMatrix<f64, R, C> {
    m.map(|d| d.value())
}

fn tangents<const R: usize, const C: usize>(m: SMatrix<D1, R, C>) -> SMatrix<f64, R, C> {
    m.map(|d| d.tangent()[0])
}

macro_rules! suite {
    ($name:ident, $n:ident, $D:literal) => {
        mod $name {
            use super::*;
            use common::$n as alg;

            const SEEDS: u64 = 8;
            /// Finite differences agree to about 1e-9; direct algorithms to rounding.
            const FD: f64 = 1e-7;
            const EXACT: f64 = 1e-10;

            #[test]
            fn determinant() {
                for seed in 0..SEEDS {
                    let mut s = Stream::new(seed);
                    let (a, da) = (s.general::<$D>(), s.matrix::<$D, $D>());
                    let y = alg::det(along(a, da));
                    assert_eq!(values(y), alg::det(a), "the value is nalgebra's in f64");
                    // Jacobi's formula: d det A = det A · tr(A⁻¹ Ȧ).
                    let exact = a.determinant() * (a.try_inverse().unwrap() * da).trace();
                    close("det'", &tangents(y), &SMatrix::from_element(exact), EXACT);
                    close("det' by FD", &tangents(y), &fd(alg::det, a, da), FD);
                }
            }

            #[test]
            fn determinant_second_derivative_through_nested_duals() {
                let mut s = Stream::new(99);
                let (a, da) = (s.general::<$D>(), s.matrix::<$D, $D>());
                // A + tȦ with t = Dual(Dual(0, 1), 1): both levels perturbed along Ȧ.
                let t = Dual::<D1>::new(Dual::new(0.0, [1.0].into()), [Dual::constant(1.0)].into());
                let m = a.map(Dual::<D1>::from_base) + da.map(Dual::<D1>::from_base) * t;
                let y = alg::det(m)[(0, 0)];
                // d²/dt² det(A + tȦ) = det A · ((tr B)² − tr(B²)), B = A⁻¹Ȧ.
                let b = a.try_inverse().unwrap() * da;
                let second = a.determinant() * (b.trace().powi(2) - (b * b).trace());
                let got = y.tangent()[0].tangent()[0];
                assert!(
                    (got - second).abs() <= EXACT * second.abs().max(1.0),
                    "{got} {second}"
                );
                assert_eq!(y.tangent()[0].value(), y.value().tangent()[0]);
            }

            #[test]
            fn inverse() {
                for seed in 0..SEEDS {
                    let mut s = Stream::new(seed);
                    let (a, da) = (s.general::<$D>(), s.matrix::<$D, $D>());
                    let y = alg::inverse(along(a, da));
                    let ai = a.try_inverse().unwrap();
                    assert_eq!(values(y), ai);
                    close("inv'", &tangents(y), &(-ai * da * ai), EXACT);
                    close("inv' by FD", &tangents(y), &fd(alg::inverse, a, da), FD);
                }
            }

            /// `x = A⁻¹b`: `ẋ = A⁻¹(ḃ − Ȧx)`, through LU, QR and Cholesky.
            #[test]
            fn solves() {
                type Solve = fn(alg::M<D1>, alg::V<D1>) -> alg::V<D1>;
                type Plain = fn(alg::M<f64>, alg::V<f64>) -> alg::V<f64>;
                let solvers: [(&str, Solve, Plain); 3] = [
                    ("lu", alg::lu_solve, alg::lu_solve),
                    ("qr", alg::qr_solve, alg::qr_solve),
                    ("cholesky", alg::cholesky_solve, alg::cholesky_solve),
                ];
                for seed in 0..SEEDS {
                    for (name, solve, plain) in solvers {
                        let mut s = Stream::new(seed);
                        let (a, da) = if name == "cholesky" {
                            (s.spd::<$D>(), s.sym_direction::<$D>())
                        } else {
                            (s.general::<$D>(), s.matrix::<$D, $D>())
                        };
                        let (b, db) = (s.matrix::<$D, 1>(), s.matrix::<$D, 1>());
                        let y = solve(along(a, da), along(b, db));
                        let x = plain(a, b);
                        assert_eq!(values(y), x, "{name}");
                        let exact = a.try_inverse().unwrap() * (db - da * x);
                        close(name, &tangents(y), &exact, EXACT);
                        // The same derivative by differences, with `b` moving too.
                        let joint = |m: SMatrix<f64, $D, { $D + 1 }>| {
                            plain(m.fixed_columns::<$D>(0).into(), m.column($D).into())
                        };
                        let (ab, dab) = (a.insert_column($D, 0.0), da.insert_column($D, 0.0));
                        let (mut ab, mut dab) = (ab, dab);
                        ab.set_column($D, &b);
                        dab.set_column($D, &db);
                        close(name, &tangents(y), &fd(joint, ab, dab), FD);
                    }
                }
            }

            #[test]
            fn symmetric_eigen() {
                for seed in 0..SEEDS {
                    let mut s = Stream::new(seed);
                    let (a, da) = (s.separated::<$D>(), s.sym_direction::<$D>());
                    let (l, q) = (alg::eigenvalues(a), alg::eigenvectors(a));
                    let vals = alg::eigenvalues(along(a, da));
                    let vecs = alg::eigenvectors(along(a, da));
                    assert_eq!((values(vals), values(vecs)), (l, q));
                    // λ̇ᵢ = vᵢᵀ Ȧ vᵢ; v̇ᵢ = Σⱼ≠ᵢ vⱼ (vⱼᵀ Ȧ vᵢ) / (λᵢ − λⱼ).
                    let w = q.transpose() * da * q;
                    let dl = SVector::<f64, $D>::from_fn(|i, _| w[(i, i)]);
                    let c = SMatrix::<f64, $D, $D>::from_fn(|j, i| {
                        if i == j {
                            0.0
                        } else {
                            w[(j, i)] / (l[i] - l[j])
                        }
                    });
                    close("λ'", &tangents(vals), &dl, EXACT);
                    close("v'", &tangents(vecs), &(q * c), EXACT);
                    close(
                        "λ' by FD",
                        &tangents(vals),
                        &fd(alg::eigenvalues, a, da),
                        FD,
                    );
                    let weighted = alg::eigen_weighted(along(a, da));
                    let by_fd = fd(alg::eigen_weighted, a, da);
                    close("Σ(i+1)vᵢvᵢᵀ' by FD", &tangents(weighted), &by_fd, FD);
                }
            }

            #[test]
            fn svd() {
                for seed in 0..SEEDS {
                    let mut s = Stream::new(seed);
                    let (a, da) = (s.general::<$D>(), s.matrix::<$D, $D>());
                    let svd = a.svd(true, true);
                    let (u, vt) = (svd.u.unwrap(), svd.v_t.unwrap());
                    let sv = alg::singular_values(along(a, da));
                    let vecs = alg::singular_vectors(along(a, da));
                    assert_eq!(values(sv), alg::singular_values(a));
                    assert_eq!(values(vecs), alg::singular_vectors(a));
                    // σ̇ᵢ = uᵢᵀ Ȧ vᵢ.
                    let w = u.transpose() * da * vt.transpose();
                    let ds = SVector::<f64, $D>::from_fn(|i, _| w[(i, i)]);
                    close("σ'", &tangents(sv), &ds, EXACT);
                    close(
                        "σ' by FD",
                        &tangents(sv),
                        &fd(alg::singular_values, a, da),
                        FD,
                    );
                    // U̇ = U Ω_U, (Vᵀ)˙ = −Ω_V Vᵀ with, for i ≠ j and P = Uᵀ Ȧ V,
                    // (Ω_U)ᵢⱼ = (σⱼPᵢⱼ + σᵢPⱼᵢ)/(σⱼ² − σᵢ²), (Ω_V)ᵢⱼ = (σᵢPᵢⱼ + σⱼPⱼᵢ)/(σⱼ² − σᵢ²).
                    let sig = svd.singular_values;
                    let omega = |k: usize| {
                        SMatrix::<f64, $D, $D>::from_fn(|i, j| {
                            let (si, sj) = (sig[i], sig[j]);
                            let (a, b) = if k == 0 { (sj, si) } else { (si, sj) };
                            if i == j {
                                0.0
                            } else {
                                (a * w[(i, j)] + b * w[(j, i)]) / (sj * sj - si * si)
                            }
                        })
                    };
                    let (du, dvt) = (u * omega(0), -omega(1) * vt);
                    let exact = SMatrix::<f64, $D, { 2 * $D }>::from_fn(|i, j| {
                        if j < $D { du[(i, j)] } else { dvt[(i, j - $D)] }
                    });
                    close("U', V'", &tangents(vecs), &exact, EXACT);
                    let weighted = alg::singular_weighted(along(a, da));
                    let by_fd = fd(alg::singular_weighted, a, da);
                    close("Σ(i+1)uᵢvᵢᵀ' by FD", &tangents(weighted), &by_fd, FD);
                }
            }

            #[test]
            fn norms() {
                for seed in 0..SEEDS {
                    let mut s = Stream::new(seed);
                    let (a, da) = (s.matrix::<$D, $D>(), s.matrix::<$D, $D>());
                    let y = alg::norms(along(a, da));
                    let (x, dx) = (a.column(0), da.column(0));
                    let n3 = x.lp_norm(3);
                    let l3 = x
                        .iter()
                        .zip(dx.iter())
                        .map(|(v, d)| v * v.abs() * d)
                        .sum::<f64>();
                    let imax = x.iamax();
                    let exact = SVector::from([
                        a.dot(&da) / a.norm(),
                        x.dot(&dx) / x.norm(),
                        2.0 * x.dot(&dx),
                        l3 / (n3 * n3),
                        x[imax].signum() * dx[imax],
                    ]);
                    close("norms'", &tangents(y), &exact, EXACT);
                    close("norms' by FD", &tangents(y), &fd(alg::norms, a, da), FD);
                    let unit = alg::normalize(along(a, da));
                    let xh = x / x.norm();
                    let exact = (dx - xh * xh.dot(&dx)) / x.norm();
                    close("normalize'", &tangents(unit), &exact, EXACT);
                    close(
                        "normalize' by FD",
                        &tangents(unit),
                        &fd(alg::normalize, a, da),
                        FD,
                    );
                }
            }
        }
    };
}

suite!(at_3x3, n3, 3);
suite!(at_6x6, n6, 6);
