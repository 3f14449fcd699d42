//! A firmware task: one extended-Kalman-filter update of a 2-D pose (x, y, θ) from the
//! range and bearing of a beacon at a known position. The measurement model is written
//! once against nalgebra's `RealField`, and typegrad gives its Jacobian by calling it with
//! duals; the update is nalgebra's fixed-size matrix arithmetic in f32.

use core::array::from_fn;

use nalgebra::{Matrix2, Matrix2x3, Matrix3, RealField, SMatrix, Vector2, Vector3};
use typegrad::reverse::{self, Expr};
use typegrad::{Float, jacobian};

use crate::reference::ekf as r;
use crate::report::Report;

/// The range and bearing (relative to the heading θ) of `beacon` seen from `pose`.
fn observe<T: RealField + Copy>(pose: Vector3<T>, beacon: Vector2<T>) -> Vector2<T> {
    let d = beacon - pose.xy();
    Vector2::new(d.norm(), d.y.atan2(d.x) - pose.z)
}

/// The predicted measurement and its Jacobian H with respect to the pose.
pub fn measure(pose: Vector3<f32>, beacon: Vector2<f32>) -> (Vector2<f32>, Matrix2x3<f32>) {
    let (z, h) = jacobian(
        |p| {
            let z = observe(Vector3::from(p), beacon.cast());
            [z.x, z.y]
        },
        pose.into(),
    );
    (Vector2::from(z), Matrix2x3::from_fn(|i, j| h[i][j]))
}

/// The same Jacobian by reverse mode: one reverse pass per measurement (row of H).
pub fn jacobian_reverse(pose: Vector3<f32>, beacon: Vector2<f32>) -> Matrix2x3<f32> {
    let ([x, y, theta], [bx, by]) = (pose.into(), beacon.into());
    let (_, range) = reverse::gradient(|(x, y, _)| (bx - x).hypot(by - y), (x, y, theta));
    let (_, bearing) = reverse::gradient(|(x, y, t)| (by - y).atan2(bx - x) - t, (x, y, theta));
    Matrix2x3::from_fn(|i, j| [range, bearing][i][j])
}

/// An angle brought into (−π, π].
fn wrap(a: f32) -> f32 {
    Float::atan2(Float::sin(a), Float::cos(a))
}

/// Everything one update computes, to be checked step by step.
pub struct Update {
    pub predicted: Vector2<f32>,
    pub jacobian: Matrix2x3<f32>,
    pub innovation: Vector2<f32>,
    pub innovation_cov: Matrix2<f32>,
    pub gain: SMatrix<f32, 3, 2>,
    pub pose: Vector3<f32>,
    pub cov: Matrix3<f32>,
}

/// One EKF measurement update of `pose` with covariance `cov`, given the measured range
/// and bearing `z` of `beacon` with noise covariance `noise`.
pub fn update(
    pose: Vector3<f32>,
    cov: &Matrix3<f32>,
    beacon: Vector2<f32>,
    noise: &Matrix2<f32>,
    z: Vector2<f32>,
) -> Update {
    let (predicted, h) = measure(pose, beacon);
    let innovation = Vector2::new(z.x - predicted.x, wrap(z.y - predicted.y));
    let p_ht = cov * h.transpose();
    let innovation_cov = h * p_ht + noise;
    // A singular S gives NaN entries, not a panic.
    let s_inv = innovation_cov
        .try_inverse()
        .unwrap_or(Matrix2::from_element(f32::NAN));
    let gain = p_ht * s_inv;
    Update {
        predicted,
        jacobian: h,
        innovation,
        innovation_cov,
        gain,
        pose: pose + gain * innovation,
        cov: (Matrix3::identity() - gain * h) * cov,
    }
}

/// A matrix from its rows, as the references are written.
fn matrix<const R: usize, const C: usize>(rows: &[[f32; C]; R]) -> SMatrix<f32, R, C> {
    SMatrix::from_fn(|i, j| rows[i][j])
}

/// Run one update on the reference inputs and check every intermediate result.
pub fn check(report: &mut Report) {
    report.section("EKF update, range and bearing to a beacon (forward-mode Jacobian)");
    let (pose, beacon) = (Vector3::from(r::POSE), Vector2::from(r::BEACON));
    let (cov, noise) = (matrix(&r::COV), matrix(&r::NOISE));
    let u = update(pose, &cov, beacon, &noise, Vector2::from(r::MEASURED));
    report.all_close("h(pose)", u.predicted.into(), r::PREDICTED);
    rows(report, "H = dh/dpose", &u.jacobian, &r::JACOBIAN);
    rows(
        report,
        "H by reverse mode",
        &jacobian_reverse(pose, beacon),
        &r::JACOBIAN,
    );
    report.all_close("innovation", u.innovation.into(), r::INNOVATION);
    rows(
        report,
        "S = H P H' + R",
        &u.innovation_cov,
        &r::INNOVATION_COV,
    );
    rows(report, "K = P H' S^-1", &u.gain, &r::GAIN);
    report.all_close("updated pose", u.pose.into(), r::POSE_NEW);
    rows(report, "updated P", &u.cov, &r::COV_NEW);
}

/// Check a matrix row by row.
fn rows<const R: usize, const C: usize>(
    report: &mut Report,
    what: &str,
    got: &SMatrix<f32, R, C>,
    want: &[[f32; C]; R],
) {
    for (i, w) in want.iter().enumerate() {
        let g: [f32; C] = from_fn(|j| got[(i, j)]);
        report.all_close(if i == 0 { what } else { "" }, g, *w);
    }
}
