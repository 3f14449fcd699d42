//! Shared by the nalgebra tests: test matrices, the functions under test (nalgebra's own
//! algorithms, called as any user calls them, generic over `RealField`), and finite
//! differences of matrix-valued functions.
#![allow(dead_code)]

use nalgebra::{SMatrix, SVector};
use typegrad::check::numeric_derivative;

/// A deterministic stream of numbers in `[-1, 1)` (a 64-bit LCG), one per seed.
pub struct Stream(u64);

impl Stream {
    pub fn new(seed: u64) -> Self {
        Stream(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1u64 << 52) as f64 - 1.0
    }
    pub fn matrix<const R: usize, const C: usize>(&mut self) -> SMatrix<f64, R, C> {
        SMatrix::from_fn(|_, _| self.next())
    }
    /// A well-conditioned square matrix: random entries plus `D` on the diagonal.
    pub fn general<const D: usize>(&mut self) -> SMatrix<f64, D, D> {
        self.matrix::<D, D>() + SMatrix::identity() * D as f64
    }
    /// A symmetric matrix with the eigenvalues `l` (`Q Λ Qᵀ` with `Q` orthogonal: the
    /// Gram–Schmidt of a random matrix).
    pub fn symmetric<const D: usize>(&mut self, l: [f64; D]) -> SMatrix<f64, D, D> {
        let mut q = self.general::<D>();
        for j in 0..D {
            for k in 0..j {
                let p = q.column(k).dot(&q.column(j));
                let qk = q.column(k).into_owned();
                q.column_mut(j).axpy(-p, &qk, 1.0);
            }
            let n = q.column(j).norm();
            q.column_mut(j).unscale_mut(n);
        }
        q * SMatrix::from_diagonal(&SVector::from(l)) * q.transpose()
    }
    /// A symmetric matrix with well-separated eigenvalues `1, 3, 5, …`.
    pub fn separated<const D: usize>(&mut self) -> SMatrix<f64, D, D> {
        self.symmetric(core::array::from_fn(|i| (2 * i + 1) as f64))
    }
    /// A symmetric positive definite matrix, `B Bᵀ + I`.
    pub fn spd<const D: usize>(&mut self) -> SMatrix<f64, D, D> {
        let b = self.matrix::<D, D>();
        b * b.transpose() + SMatrix::identity()
    }
    /// A symmetric direction.
    pub fn sym_direction<const D: usize>(&mut self) -> SMatrix<f64, D, D> {
        let m = self.matrix::<D, D>();
        (m + m.transpose()) * 0.5
    }
}

/// The derivative at `t = 0` of `f(a + t·da)`, entry by entry, by Richardson-extrapolated
/// central differences (`typegrad::check`).
pub fn fd<const R: usize, const C: usize, const P: usize, const Q: usize>(
    f: impl Fn(SMatrix<f64, R, C>) -> SMatrix<f64, P, Q>,
    a: SMatrix<f64, R, C>,
    da: SMatrix<f64, R, C>,
) -> SMatrix<f64, P, Q> {
    SMatrix::from_fn(|i, j| numeric_derivative(|t| f(a + da * t)[(i, j)], 0.0))
}

/// The largest entry of `|x − y|` relative to `max(|y|, 1)` entrywise.
pub fn rel_err<const P: usize, const Q: usize>(
    x: &SMatrix<f64, P, Q>,
    y: &SMatrix<f64, P, Q>,
) -> f64 {
    x.zip_map(y, |a, b| (a - b).abs() / b.abs().max(1.0)).max()
}

/// Asserts `x ≈ y` to `tol` (relative, entrywise), naming what is compared.
#[track_caller]
pub fn close<const P: usize, const Q: usize>(
    what: &str,
    x: &SMatrix<f64, P, Q>,
    y: &SMatrix<f64, P, Q>,
    tol: f64,
) {
    let e = rel_err(x, y);
    assert!(e <= tol, "{what}: error {e:e} > {tol:e}\n{x}\n{y}");
}

/// The functions under test, for `D × D` matrices: nalgebra's algorithms as a user calls
/// them, generic over `RealField`, so the same code runs on `f64`, on duals and on the
/// global tape's variables. Every output is a matrix, for one way of comparing.
macro_rules! algorithms {
    ($D:literal) => {
        use nalgebra::{RealField, SMatrix, SVector, SymmetricEigen};

        pub type M<T> = SMatrix<T, $D, $D>;
        pub type V<T> = SVector<T, $D>;

        pub fn det<T: RealField + Copy>(a: M<T>) -> SMatrix<T, 1, 1> {
            SMatrix::from_element(a.determinant())
        }
        pub fn inverse<T: RealField + Copy>(a: M<T>) -> M<T> {
            a.try_inverse().expect("an invertible test matrix")
        }
        pub fn lu_solve<T: RealField + Copy>(a: M<T>, b: V<T>) -> V<T> {
            a.lu().solve(&b).expect("an invertible test matrix")
        }
        pub fn qr_solve<T: RealField + Copy>(a: M<T>, b: V<T>) -> V<T> {
            a.qr().solve(&b).expect("an invertible test matrix")
        }
        pub fn cholesky_solve<T: RealField + Copy>(a: M<T>, b: V<T>) -> V<T> {
            a.cholesky()
                .expect("a positive definite test matrix")
                .solve(&b)
        }
        pub fn eigenvalues<T: RealField + Copy>(a: M<T>) -> V<T> {
            SymmetricEigen::new(a).eigenvalues
        }
        pub fn eigenvectors<T: RealField + Copy>(a: M<T>) -> M<T> {
            SymmetricEigen::new(a).eigenvectors
        }
        /// `Σᵢ (i + 1)·vᵢvᵢᵀ`: smooth wherever the eigenvalues are distinct, whichever
        /// signs the algorithm gives the eigenvectors.
        pub fn eigen_weighted<T: RealField + Copy>(a: M<T>) -> M<T> {
            let vecs = SymmetricEigen::new(a).eigenvectors;
            (0..$D).fold(M::zeros(), |m, i| {
                let v = vecs.column(i);
                m + v * v.transpose() * nalgebra::convert::<f64, T>((i + 1) as f64)
            })
        }
        pub fn singular_values<T: RealField + Copy>(a: M<T>) -> V<T> {
            a.svd(false, false).singular_values
        }
        /// `U` and `Vᵀ` side by side.
        pub fn singular_vectors<T: RealField + Copy>(a: M<T>) -> SMatrix<T, $D, { 2 * $D }> {
            let svd = a.svd(true, true);
            let (u, vt) = (svd.u.unwrap(), svd.v_t.unwrap());
            SMatrix::from_fn(|i, j| if j < $D { u[(i, j)] } else { vt[(i, j - $D)] })
        }
        /// `Σᵢ (i + 1)·uᵢvᵢᵀ`: smooth wherever the singular values are distinct, whichever
        /// signs the algorithm gives each pair `(uᵢ, vᵢ)` (it may flip them between nearby
        /// matrices).
        pub fn singular_weighted<T: RealField + Copy>(a: M<T>) -> M<T> {
            let svd = a.svd(true, true);
            let (u, vt) = (svd.u.unwrap(), svd.v_t.unwrap());
            (0..$D).fold(M::zeros(), |m, i| {
                m + u.column(i) * vt.row(i) * nalgebra::convert::<f64, T>((i + 1) as f64)
            })
        }
        /// `‖A‖_F`, `‖x‖₂`, `‖x‖₂²`, `‖x‖₃`, `‖x‖_∞` (`amax`) with `x` the first column.
        pub fn norms<T: RealField + Copy>(a: M<T>) -> SVector<T, 5> {
            let x = a.column(0);
            SVector::from([a.norm(), x.norm(), x.norm_squared(), x.lp_norm(3), x.amax()])
        }
        pub fn normalize<T: RealField + Copy>(a: M<T>) -> V<T> {
            a.column(0).normalize()
        }
    };
}

pub mod n3 {
    algorithms!(3);
}
pub mod n6 {
    algorithms!(6);
}
