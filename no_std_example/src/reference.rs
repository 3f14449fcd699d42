//! The firmware's inputs and reference values. Generated, do not edit:
//! `python3 reference/gen_reference.py | rustfmt --edition 2024 > src/reference.rs`.
//! Each value is computed in f64 from the f32 inputs, then rounded to f32.

/// Example 1, `(2x + y)·z`: the point (x, y, z).
pub const LINEAR_AT: [f32; 3] = [1.0, 2.0, 3.0];
/// Its value.
pub const LINEAR_VALUE: f32 = 12.0;
/// Its gradient `(2z, z, 2x + y)`.
pub const LINEAR_GRAD: [f32; 3] = [6.0, 3.0, 4.0];
/// Example 2, `10·exp(sin x) + cos²x`: the point x.
pub const WAVE_AT: f32 = 1000.0;
/// Its value.
pub const WAVE_VALUE: f32 = 23.178007;
/// Its derivative `10·exp(sin x)·cos x − 2 sin x cos x`.
pub const WAVE_DERIV: f32 = 11.926923;
/// Example 3, `y³·10·exp(sin x) + cos²x`: the point (x, y).
pub const WAVE_CUBED_AT: [f32; 2] = [2.0, 3.0];
/// Its value.
pub const WAVE_CUBED_VALUE: f32 = 670.4692;
/// Its gradient `(y³·10·exp(sin x)·cos x − 2 sin x cos x, 3y²·10·exp(sin x))`.
pub const WAVE_CUBED_GRAD: [f32; 2] = [-278.18475, 670.29596];

/// The EKF measurement update (feature `ekf`).
#[cfg(feature = "ekf")]
pub mod ekf {
    /// The pose estimate (x, y, θ) before the update, in m, m, rad.
    pub const POSE: [f32; 3] = [2.0, 1.0, 0.5];
    /// Its covariance P.
    pub const COV: [[f32; 3]; 3] = [[0.25, 0.05, 0.0], [0.05, 0.25, 0.0], [0.0, 0.0, 0.04]];
    /// The beacon's known position (m).
    pub const BEACON: [f32; 2] = [10.0, 7.0];
    /// The measurement noise covariance R (range, bearing).
    pub const NOISE: [[f32; 2]; 2] = [[0.09, 0.0], [0.0, 0.0025]];
    /// The measured range (m) and bearing (rad).
    pub const MEASURED: [f32; 2] = [10.3, 0.12];
    /// The predicted measurement h(pose): range and bearing.
    pub const PREDICTED: [f32; 2] = [10.0, 0.1435011];
    /// H = ∂h/∂pose, in closed form.
    pub const JACOBIAN: [[f32; 3]; 2] = [[-0.8, -0.6, 0.0], [0.06, -0.08, -1.0]];
    /// z − h(pose), the bearing wrapped to (−π, π].
    pub const INNOVATION: [f32; 2] = [0.3000002, -0.023501111];
    /// S = H P Hᵀ + R.
    pub const INNOVATION_COV: [[f32; 2]; 2] = [[0.388, 0.0014000001], [0.0014000001, 0.044519998]];
    /// K = P Hᵀ S⁻¹.
    pub const GAIN: [[f32; 2]; 3] = [
        [-0.5937424, 0.26575112],
        [-0.48836833, -0.36649337],
        [0.0032422794, -0.89857453],
    ];
    /// The updated pose, pose + K (z − h).
    pub const POSE_NEW: [f32; 3] = [1.8156317, 0.8621024, 0.5220902];
    /// The updated covariance, (I − K H) P.
    pub const COV_NEW: [[f32; 3]; 3] = [
        [0.11051599, -0.058293287, 0.010630044],
        [-0.058293287, 0.15097964, -0.014659734],
        [0.010630044, -0.014659734, 0.0040570176],
    ];
}
