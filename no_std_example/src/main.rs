//! typegrad on a Cortex-M4F: the tutorial's worked examples and an EKF update in f32,
//! checked against f64 references. Exits QEMU with status 0 only if every check passes.
#![no_std]
#![no_main]
#![forbid(unsafe_code)]

mod bad_input;
#[cfg(feature = "ekf")]
mod ekf;
mod forward;
mod reference;
mod report;
mod reverse;
mod tutorial;

use cortex_m_rt::entry;
use cortex_m_semihosting::{debug, hprintln};

use forward::Forward;
use report::Report;
use reverse::Reverse;

#[entry]
fn main() -> ! {
    let mut report = Report::new();
    tutorial::check::<Forward>(&mut report);
    bad_input::check::<Forward>(&mut report);
    tutorial::check::<Reverse>(&mut report);
    bad_input::check::<Reverse>(&mut report);
    #[cfg(feature = "ekf")]
    ekf::check(&mut report);
    report.finish()
}

/// Any panic fails the run: report it over semihosting and exit QEMU with status 1.
#[panic_handler]
fn panic(info: &core::panic::PanicInfo) -> ! {
    hprintln!("panic: {}", info);
    debug::exit(debug::EXIT_FAILURE);
    report::halt()
}
