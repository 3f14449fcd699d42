//! nalgebra's own algorithms, unchanged, in reverse mode: the scalar is the global tape's
//! `'static` variable, which nalgebra accepts as a `RealField`. Each gradient is checked
//! against a closed form or finite differences (`typegrad::check`), and against forward
//! mode; and a function of 200 inputs, which forward mode would carry 200 tangents
//! through, runs in one recording.

mod common;

use nalgebra::{RealField, SMatrix};
use typegrad::check::check_gradient;
use typegrad::global::{self, Global, Var};

use common::Stream;

// The records of a recording live on the stack of its `gradient` call: 8192 records of
// `f64` are 256 KiB (more in a debug build, which copies the new store).
typegrad::global_tape!(Tape: f64, 8192);
// 16,384 records, 512 KiB: for the function of 200 inputs, on a thread with a large stack.
typegrad::global_tape!(Large: f64, 1 << 14);

type V = Var<f64, Tape>;

/// `Σ wᵢⱼ·outᵢⱼ` for fixed weights: a scalar that every entry of the output reaches.
fn weigh<T: RealField + Copy, const P: usize, const Q: usize>(
    out: SMatrix<T, P, Q>,
    w: &SMatrix<f64, P, Q>,
) -> T {
    out.zip_fold(w, T::zero(), |s, o, wi| {
        s + o * nalgebra::convert::<f64, T>(wi)
    })
}

macro_rules! suite {
    ($name:ident, $n:ident, $D:literal) => {
        mod $name {
            use super::*;
            use common::$n as alg;

            const N: usize = $D * $D;
            type Fwd = typegrad::Duals<f64, N>;

            fn matrix<T: RealField + Copy>(x: &[T; N]) -> alg::M<T> {
                alg::M::from_row_slice(x)
            }

            /// Checks the reverse gradient of `Σ w·f(A)` at `a` against forward mode and
            /// finite differences; returns it.
            fn check<const P: usize, const Q: usize>(
                what: &str,
                (reverse, plain): (
                    impl Fn(alg::M<V>) -> SMatrix<V, P, Q>,
                    impl Fn(alg::M<f64>) -> SMatrix<f64, P, Q>,
                ),
                forward: impl Fn(alg::M<Fwd>) -> SMatrix<Fwd, P, Q>,
                a: alg::M<f64>,
                w: &SMatrix<f64, P, Q>,
            ) -> [f64; N] {
                let x: [f64; N] = core::array::from_fn(|k| a[(k / $D, k % $D)]);
                let (v, g) =
                    global::gradient::<Tape, N>(|x| weigh(reverse(matrix(&x)), w), x).unwrap();
                assert_eq!(
                    v,
                    weigh(plain(a), w),
                    "{what}: the value is nalgebra's in f64"
                );
                let (fv, fg) = typegrad::gradient(|x| weigh(forward(matrix(&x)), w), x);
                assert_eq!(fv, v);
                for (r, f) in g.iter().zip(&fg) {
                    assert!(
                        (r - f).abs() <= 1e-10 * f.abs().max(1.0),
                        "{what}: {g:?}\n{fg:?}"
                    );
                }
                let report = check_gradient(|x| weigh(plain(matrix(&x)), w), x, g);
                assert!(report.passes(1e-7), "{what}: {report:?}");
                g
            }

            #[test]
            fn determinant() {
                for seed in 0..4 {
                    let mut s = Stream::new(seed);
                    let a = s.general::<$D>();
                    let w = SMatrix::from_element(1.0);
                    let g = check("det", (alg::det, alg::det), alg::det, a, &w);
                    // ∇ det A = det A · A⁻ᵀ.
                    let exact = a.try_inverse().unwrap().transpose() * a.determinant();
                    for (k, gk) in g.iter().enumerate() {
                        let e = exact[(k / $D, k % $D)];
                        assert!((gk - e).abs() <= 1e-10 * e.abs().max(1.0), "{gk} {e}");
                    }
                }
            }

            #[test]
            fn inverse_and_solves() {
                let mut s = Stream::new(11);
                let (a, p) = (s.general::<$D>(), s.spd::<$D>());
                let (w, b) = (s.matrix::<$D, $D>(), s.matrix::<$D, 1>());
                check("inverse", (alg::inverse, alg::inverse), alg::inverse, a, &w);
                let wv = s.matrix::<$D, 1>();
                macro_rules! solve {
                    ($f:ident, $m:expr) => {
                        check(
                            stringify!($f),
                            (|m| alg::$f(m, b.map(V::constant)), |m| alg::$f(m, b)),
                            |m| alg::$f(m, b.map(typegrad::Dual::constant)),
                            $m,
                            &wv,
                        )
                    };
                }
                solve!(lu_solve, a);
                solve!(qr_solve, a);
                solve!(cholesky_solve, p);
            }

            #[test]
            fn eigen_svd_norms() {
                let mut s = Stream::new(12);
                let (a, sym) = (s.general::<$D>(), s.separated::<$D>());
                let (wv, wm) = (s.matrix::<$D, 1>(), s.matrix::<$D, $D>());
                // SymmetricEigen reads the lower triangle: the gradient falls there.
                check(
                    "eigenvalues",
                    (alg::eigenvalues, alg::eigenvalues),
                    alg::eigenvalues,
                    sym,
                    &wv,
                );
                let f = (alg::eigen_weighted, alg::eigen_weighted);
                check("eigenvectors", f, alg::eigen_weighted, sym, &wm);
                let f = (alg::singular_values, alg::singular_values);
                check("singular values", f, alg::singular_values, a, &wv);
                let f = (alg::singular_weighted, alg::singular_weighted);
                check("singular vectors", f, alg::singular_weighted, a, &wm);
                let w5 = s.matrix::<5, 1>();
                check("norms", (alg::norms, alg::norms), alg::norms, a, &w5);
                check(
                    "normalize",
                    (alg::normalize, alg::normalize),
                    alg::normalize,
                    a,
                    &wv,
                );
            }
        }
    };
}

suite!(at_3x3, n3, 3);
suite!(at_6x6, n6, 6);

/// `ln det(c·I + BᵀB)` of a 10×20 matrix `B`: 200 inputs, through nalgebra's Cholesky.
fn log_det<T: RealField + Copy>(x: &[T; 200]) -> T {
    let b = SMatrix::<T, 10, 20>::from_row_slice(x);
    let m = b.transpose() * b + SMatrix::<T, 20, 20>::identity() * nalgebra::convert::<f64, T>(0.5);
    let l = m.cholesky().expect("positive definite").unpack();
    l.diagonal().iter().fold(T::zero(), |s, &d| s + d.ln()) * nalgebra::convert::<f64, T>(2.0)
}

#[test]
fn two_hundred_inputs() {
    let big_stack = std::thread::Builder::new().stack_size(16 << 20);
    big_stack.spawn(two_hundred).unwrap().join().unwrap();
}

fn two_hundred() {
    let mut s = Stream::new(13);
    let x: [f64; 200] = core::array::from_fn(|_| s.next());
    let mut used = 0;
    let (v, g) = global::gradient::<Large, 200>(
        |x| {
            let y = log_det(&x);
            used = Large::with(|s| s.len()).unwrap();
            y
        },
        x,
    )
    .unwrap();
    assert_eq!(v, log_det(&x));
    // ∇_B ln det(cI + BᵀB) = 2·B·(cI + BᵀB)⁻¹.
    let b = SMatrix::<f64, 10, 20>::from_row_slice(&x);
    let m = b.transpose() * b + SMatrix::<f64, 20, 20>::identity() * 0.5;
    let exact = b * m.try_inverse().unwrap() * 2.0;
    for (k, gk) in g.iter().enumerate() {
        let e = exact[(k / 20, k % 20)];
        assert!((gk - e).abs() <= 1e-12 * e.abs().max(1.0), "{k}: {gk} {e}");
    }
    assert!(used > 200 && used <= 1 << 14, "{used}");
}
