//! Checking and printing, shared by every section: each check prints one line over
//! semihosting, and [`Report::finish`] exits QEMU with status 0 only if all passed.

use cortex_m_semihosting::{debug, hprintln};

/// How far an f32 result may stray from its f64 reference: `|got − want| ≤ TOL·max(|want|, FLOOR)`.
///
/// 2e-6 is about 17 f32 epsilons (ε = 1.2e-7); the worst result here is off by 1.9e-7, so
/// the margin is tenfold. The floor keeps entries near zero (a covariance term after
/// cancellation) from demanding more than f32 can give.
const TOL: f32 = 2e-6;
const FLOOR: f32 = 1.0 / 64.0;

/// The running tally of checks.
pub struct Report {
    passed: u32,
    failed: u32,
}

/// Whether `got` is within [`TOL`] of `want`; false for NaN.
fn close(got: f32, want: f32) -> bool {
    let scale = if want.abs() > FLOOR {
        want.abs()
    } else {
        FLOOR
    };
    (got - want).abs() <= TOL * scale
}

impl Report {
    /// No checks yet.
    pub const fn new() -> Self {
        Report {
            passed: 0,
            failed: 0,
        }
    }

    /// A heading for the checks that follow.
    pub fn section(&self, title: &str) {
        hprintln!("{}", title);
    }

    /// Count one check, printing what was computed and, on failure, what was expected.
    fn tally(
        &mut self,
        ok: bool,
        what: &str,
        got: &dyn core::fmt::Debug,
        want: &dyn core::fmt::Debug,
    ) {
        if ok {
            self.passed += 1;
            hprintln!("  ok        {:<26} {:?}", what, got);
        } else {
            self.failed += 1;
            hprintln!("  MISMATCH  {:<26} {:?}, expected {:?}", what, got, want);
        }
    }

    /// Check a number against its reference.
    pub fn close(&mut self, what: &str, got: f32, want: f32) {
        self.tally(close(got, want), what, &got, &want);
    }

    /// Check every element of an array against its reference.
    pub fn all_close<const N: usize>(&mut self, what: &str, got: [f32; N], want: [f32; N]) {
        let ok = got.iter().zip(want.iter()).all(|(&g, &w)| close(g, w));
        self.tally(ok, what, &got, &want);
    }

    /// Check a property of `got`, described by `want` (for NaN and infinity, which no
    /// tolerance compares).
    pub fn holds<G: core::fmt::Debug>(&mut self, what: &str, got: G, want: &str, ok: bool) {
        self.tally(ok, what, &got, &format_args!("{want}"));
    }

    /// Print the tally and exit QEMU: status 0 if every check passed, 1 otherwise.
    pub fn finish(self) -> ! {
        hprintln!("firmware: {} passed, {} failed", self.passed, self.failed);
        debug::exit(if self.failed == 0 {
            debug::EXIT_SUCCESS
        } else {
            debug::EXIT_FAILURE
        });
        halt()
    }
}

/// Stop here (only reached if the debugger ignores the exit request).
pub fn halt() -> ! {
    loop {
        cortex_m::asm::wfi();
    }
}
