//! A firmware task: one extended-Kalman-filter update of a 2-D pose (x, y, θ) from the
//! range and bearing of a beacon at a known position. typegrad gives the measurement
//! Jacobian; the rest is plain f32 arithmetic on small arrays.

use typegrad::reverse::{self, Expr};
use typegrad::{Float, jacobian};

use crate::matrix::{Mat, add, apply, identity_minus, inverse2, mul, transpose};
use crate::reference::ekf as r;
use crate::report::Report;

/// The range and bearing (relative to the heading θ) of `beacon` seen from `pose`, and
/// their Jacobian H with respect to the pose.
pub fn measure(pose: [f32; 3], beacon: [f32; 2]) -> ([f32; 2], Mat<2, 3>) {
    let [bx, by] = beacon;
    jacobian(
        |[x, y, theta]| {
            let (dx, dy) = (bx - x, by - y);
            [dx.hypot(dy), dy.atan2(dx) - theta]
        },
        pose,
    )
}

/// The same Jacobian by reverse mode: one reverse pass per measurement (row of H).
pub fn jacobian_reverse([x, y, theta]: [f32; 3], [bx, by]: [f32; 2]) -> Mat<2, 3> {
    let (_, range) = reverse::gradient(|(x, y, _)| (bx - x).hypot(by - y), (x, y, theta));
    let (_, bearing) = reverse::gradient(|(x, y, t)| (by - y).atan2(bx - x) - t, (x, y, theta));
    [range, bearing]
}

/// An angle brought into (−π, π].
fn wrap(a: f32) -> f32 {
    Float::atan2(Float::sin(a), Float::cos(a))
}

/// Everything one update computes, to be checked step by step.
pub struct Update {
    pub predicted: [f32; 2],
    pub jacobian: Mat<2, 3>,
    pub innovation: [f32; 2],
    pub innovation_cov: Mat<2, 2>,
    pub gain: Mat<3, 2>,
    pub pose: [f32; 3],
    pub cov: Mat<3, 3>,
}

/// One EKF measurement update of `pose` with covariance `cov`, given the measured range
/// and bearing `z` of `beacon` with noise covariance `noise`.
pub fn update(
    pose: [f32; 3],
    cov: &Mat<3, 3>,
    beacon: [f32; 2],
    noise: &Mat<2, 2>,
    z: [f32; 2],
) -> Update {
    let (predicted, h) = measure(pose, beacon);
    let innovation = [z[0] - predicted[0], wrap(z[1] - predicted[1])];
    let p_ht = mul(cov, &transpose(&h));
    let innovation_cov = add(&mul(&h, &p_ht), noise);
    let gain = mul(&p_ht, &inverse2(&innovation_cov));
    let step = apply(&gain, &innovation);
    Update {
        predicted,
        jacobian: h,
        innovation,
        innovation_cov,
        gain,
        pose: core::array::from_fn(|i| pose[i] + step[i]),
        cov: mul(&identity_minus(&mul(&gain, &h)), cov),
    }
}

/// Run one update on the reference inputs and check every intermediate result.
pub fn check(report: &mut Report) {
    report.section("EKF update, range and bearing to a beacon (forward-mode Jacobian)");
    let u = update(r::POSE, &r::COV, r::BEACON, &r::NOISE, r::MEASURED);
    report.all_close("h(pose)", u.predicted, r::PREDICTED);
    rows(report, "H = dh/dpose", &u.jacobian, &r::JACOBIAN);
    let h = jacobian_reverse(r::POSE, r::BEACON);
    rows(report, "H by reverse mode", &h, &r::JACOBIAN);
    report.all_close("innovation", u.innovation, r::INNOVATION);
    rows(
        report,
        "S = H P H' + R",
        &u.innovation_cov,
        &r::INNOVATION_COV,
    );
    rows(report, "K = P H' S^-1", &u.gain, &r::GAIN);
    report.all_close("updated pose", u.pose, r::POSE_NEW);
    rows(report, "updated P", &u.cov, &r::COV_NEW);
}

/// Check a matrix row by row.
fn rows<const R: usize, const C: usize>(
    report: &mut Report,
    what: &str,
    got: &Mat<R, C>,
    want: &Mat<R, C>,
) {
    for (i, (g, w)) in got.iter().zip(want.iter()).enumerate() {
        report.all_close(if i == 0 { what } else { "" }, *g, *w);
    }
}
