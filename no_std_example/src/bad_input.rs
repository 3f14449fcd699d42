//! Bad sensor readings: NaN and infinity flow through value and derivatives, and nothing
//! panics.

use crate::report::Report;
use crate::tutorial::Mode;

/// Feed mode `M` a NaN and an infinite reading and check what comes out.
pub fn check<M: Mode>(report: &mut Report) {
    report.section("bad sensor input, same mode");
    let (v, d) = M::wave(f32::NAN);
    report.holds(
        "example 2, x = NaN",
        (v, d),
        "NaN value and derivative",
        v.is_nan() && d.is_nan(),
    );
    let (v, g) = M::wave_cubed([2.0, f32::INFINITY]);
    report.holds(
        "example 3, y = +inf",
        (v, g),
        "+inf value, no finite partial",
        v == f32::INFINITY && !g.iter().any(|d| d.is_finite()),
    );
}
