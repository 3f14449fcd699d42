//! The tutorial's three worked examples, checked against the f64 reference in any mode.

use crate::reference as r;
use crate::report::Report;

/// One way of differentiating the tutorial's functions: each returns the value and the
/// derivatives at the given point.
pub trait Mode {
    /// How the output names the mode.
    const NAME: &'static str;
    /// `(2x + y)·z` and its gradient.
    fn linear(at: [f32; 3]) -> (f32, [f32; 3]);
    /// `10·exp(sin x) + cos²x` and its derivative.
    fn wave(x: f32) -> (f32, f32);
    /// `y³·10·exp(sin x) + cos²x` and its gradient.
    fn wave_cubed(at: [f32; 2]) -> (f32, [f32; 2]);
}

/// Check the three examples computed by mode `M`.
pub fn check<M: Mode>(report: &mut Report) {
    report.section(M::NAME);
    let (v, g) = M::linear(r::LINEAR_AT);
    report.close("(2x + y)·z", v, r::LINEAR_VALUE);
    report.all_close("  gradient", g, r::LINEAR_GRAD);
    let (v, d) = M::wave(r::WAVE_AT);
    report.close("10·exp(sin x) + cos²x", v, r::WAVE_VALUE);
    report.close("  derivative", d, r::WAVE_DERIV);
    let (v, g) = M::wave_cubed(r::WAVE_CUBED_AT);
    report.close("y³·10·exp(sin x) + cos²x", v, r::WAVE_CUBED_VALUE);
    report.all_close("  gradient", g, r::WAVE_CUBED_GRAD);
}
