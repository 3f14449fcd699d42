//! The instruction-count harness: runs one (workload, backend) pair a given number of times,
//! for callgrind (`/work/shared/tools/icount --per-call N …` or `benches/icount.py`).
//!
//! ```text
//! icount list                          # every workload/backend pair
//! icount check                         # every backend against the hand-written gradient
//! icount capacity                      # each workload's tape: records, stack bytes
//! icount chunks                        # the chunk lengths forward mode picks: N, K, Hessian K
//! icount WORKLOAD BACKEND ITERATIONS   # run one pair
//! ```
//!
//! Everything runs on a thread with a 1 GiB stack (`ICOUNT_STACK_MB` sets another size).

use std::hint::black_box;
use std::process::ExitCode;

use typegrad_benches::{Check, Output, Sink, on_large_stack, visit};

struct List;

impl Sink for List {
    fn run<I: Copy, O: Output>(&mut self, w: &str, b: &str, _: I, _: impl FnMut(I) -> O) {
        println!("{w} {b}");
    }
}

struct Capacity;

impl Sink for Capacity {
    fn run<I: Copy, O: Output>(&mut self, _: &str, _: &str, _: I, _: impl FnMut(I) -> O) {}
    fn capacity(&mut self, w: &str, records: usize, bytes: usize) {
        println!("{w} {records} {bytes}");
    }
}

struct Run<'a> {
    workload: &'a str,
    backend: &'a str,
    iterations: u64,
    found: bool,
}

impl Sink for Run<'_> {
    fn run<I: Copy, O: Output>(&mut self, w: &str, b: &str, input: I, mut f: impl FnMut(I) -> O) {
        if w == self.workload && b == self.backend {
            self.found = true;
            for _ in 0..self.iterations {
                black_box(f(black_box(input)));
            }
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    on_large_stack(move || run(&args))
}

fn run(args: &[String]) -> ExitCode {
    match args {
        [cmd] if cmd == "list" => visit(&mut List),
        [cmd] if cmd == "capacity" => visit(&mut Capacity),
        [cmd] if cmd == "chunks" => typegrad_benches::print_chunks(),
        [cmd] if cmd == "check" => {
            let mut c = Check::default();
            visit(&mut c);
            for f in &c.failures {
                eprintln!("MISMATCH {f}");
            }
            println!(
                "{} passed, {} failed",
                c.compared - c.failures.len(),
                c.failures.len()
            );
            if !c.failures.is_empty() {
                return ExitCode::FAILURE;
            }
        }
        [w, b, n] => {
            let Ok(iterations) = n.parse() else {
                eprintln!("icount: ITERATIONS must be a number, not {n:?}");
                return ExitCode::FAILURE;
            };
            let mut r = Run {
                workload: w,
                backend: b,
                iterations,
                found: false,
            };
            visit(&mut r);
            if !r.found {
                eprintln!("icount: no pair {w} {b} (see `icount list`)");
                return ExitCode::FAILURE;
            }
        }
        _ => {
            eprintln!(
                "usage: icount list | check | capacity | chunks | WORKLOAD BACKEND ITERATIONS"
            );
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
