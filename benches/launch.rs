//! `cargo bench` at the root: runs the benchmark package's suite (`typegrad-benches`), passing
//! on any filter, so that its dependencies are never built by the root's other commands.

use std::process::{Command, ExitCode};

fn main() -> ExitCode {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    // cargo runs bench targets as `<binary> [filter…] --bench`; forward all but `--bench`.
    let args = std::env::args_os().skip(1).filter(|a| a != "--bench");
    let status = Command::new(cargo)
        .args([
            "bench",
            "-p",
            "typegrad-benches",
            "--bench",
            "workloads",
            "--",
        ])
        .args(args)
        .status();
    match status {
        Ok(s) if s.success() => ExitCode::SUCCESS,
        Ok(_) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("could not run cargo: {e}");
            ExitCode::FAILURE
        }
    }
}
