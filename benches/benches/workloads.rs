//! Every workload with every backend, under criterion: `cargo bench` from the repository root
//! (filter with `cargo bench -- rosenbrock64`). `benches/report.py` turns the medians into
//! the tables of BENCHMARKS.md.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, SamplingMode, criterion_group};
use typegrad_benches::{Check, Output, Sink, on_large_stack, visit};

struct Bench<'a>(&'a mut Criterion);

impl Sink for Bench<'_> {
    fn run<I: Copy, O: Output>(&mut self, w: &str, b: &str, input: I, mut f: impl FnMut(I) -> O) {
        let mut g = self.0.benchmark_group(w);
        // Criterion's default sampling (100 samples of 1, 2, …, 100 × d calls) needs 5050 × d
        // calls: past 0.5 ms a call (forward duals and the peers at 256 inputs) that overruns
        // the 3 s by far, so those take 20 samples of equal length instead.
        let t = Instant::now();
        black_box(f(black_box(input)));
        if t.elapsed() > Duration::from_micros(500) {
            g.sampling_mode(SamplingMode::Flat).sample_size(20);
        }
        g.bench_function(b, |bench| bench.iter(|| f(black_box(input))));
        g.finish();
    }
}

fn workloads(c: &mut Criterion) {
    let mut check = Check::default();
    visit(&mut check);
    assert!(
        check.failures.is_empty(),
        "backends disagree: {:#?}",
        check.failures
    );
    visit(&mut Bench(c));
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = workloads
}

/// `criterion_main!`, on a thread with a large stack (see `on_large_stack`).
fn main() {
    on_large_stack(|| {
        benches();
        Criterion::default().configure_from_args().final_summary();
    });
}
