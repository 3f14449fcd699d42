//! Forward mode: dual numbers, through typegrad's `derivative` and `gradient`.

use typegrad::{derivative, gradient};

use crate::tutorial::Mode;

/// The tutorial's functions, differentiated with dual numbers.
pub struct Forward;

impl Mode for Forward {
    const NAME: &'static str = "forward mode, at the tutorial's points (f32)";

    fn linear(at: [f32; 3]) -> (f32, [f32; 3]) {
        gradient(|[x, y, z]| (2.0 * x + y) * z, at)
    }

    fn wave(x: f32) -> (f32, f32) {
        derivative(|x| 10.0 * x.sin().exp() + x.cos().powi(2), x)
    }

    fn wave_cubed(at: [f32; 2]) -> (f32, [f32; 2]) {
        gradient(
            |[x, y]| y.powi(3) * 10.0 * x.sin().exp() + x.cos().powi(2),
            at,
        )
    }
}
