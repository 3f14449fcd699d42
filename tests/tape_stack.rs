//! The tape on a small thread stack: 1,000 inputs and a tape of 8,192 records on a 2 MiB
//! thread, with exact results against a closed form. CI runs it in debug (`cargo test`) and in
//! release (`cargo test --release --test tape_stack`).

use std::thread;

use typegrad::Float;
use typegrad::tape::{self, Tape, TapeError};

const N: usize = 1000;
const CAP: usize = 8192;
/// Each input times the next three, cyclically.
const K: usize = 3;
/// The inputs, the `K·N` products and the `K·N − 1` sums after the first term (a constant
/// zero plus a variable records nothing).
const RECORDS: usize = N + K * N + K * N - 1;

/// `Σᵢ Σₖ xᵢ·x₍ᵢ₊ₖ₎ mod N` for `k = 1..=K`.
fn f<T: Float>(x: [T; N]) -> T {
    (0..N).fold(T::zero(), |s, i| {
        (1..=K).fold(s, |s, k| s + x[i] * x[(i + k) % N])
    })
}

/// The closed form: the value, and `∂f/∂xⱼ = Σₖ x₍ⱼ₊ₖ₎ + x₍ⱼ₋ₖ₎` (indices mod N).
fn closed_form(x: [f64; N]) -> (f64, [f64; N]) {
    let v = (0..N)
        .flat_map(|i| (1..=K).map(move |k| (i, k)))
        .map(|(i, k)| x[i] * x[(i + k) % N])
        .sum();
    let g = core::array::from_fn(|j| (1..=K).map(|k| x[(j + k) % N] + x[(j + N - k) % N]).sum());
    (v, g)
}

/// Small integers: every product and sum is exact, in any order.
fn point() -> [f64; N] {
    core::array::from_fn(|i| (i % 7) as f64 - 3.0)
}

/// Runs `body` on a thread with a 2 MiB stack.
fn on_2_mib<R: Send + 'static>(body: impl FnOnce() -> R + Send + 'static) -> R {
    thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(body)
        .expect("spawn")
        .join()
        .expect("the tape overflowed a 2 MiB stack")
}

#[test]
fn gradient_of_1000_inputs_on_a_2_mib_stack() {
    let x = point();
    let (v, g) = on_2_mib(move || tape::gradient::<_, CAP>(|x| f(x), x)).unwrap();
    let (cv, cg) = closed_form(x);
    assert_eq!(v, cv);
    assert_eq!(g, cg);
    // The values are not all zero: the test could fail.
    assert!(v != 0.0 && g.iter().filter(|&&gi| gi != 0.0).count() > N / 2);
}

#[test]
fn capacity_counted_and_overflow_on_a_2_mib_stack() {
    let x = point();
    let (need, short) = on_2_mib(move || {
        (
            tape::required(|x| f(x), x),
            tape::gradient::<_, 4096>(|x| f(x), x),
        )
    });
    assert_eq!(need, RECORDS);
    assert_eq!(short, Err(TapeError::Capacity { required: RECORDS }));
}

#[test]
fn jacobian_of_1000_inputs_on_a_2_mib_stack() {
    let x = point();
    let (fx, j) =
        on_2_mib(move || tape::jacobian::<_, CAP, 2>(|x| [f(x), x[1] * x[2]], x)).unwrap();
    let (cv, cg) = closed_form(x);
    assert_eq!(fx, [cv, x[1] * x[2]]);
    assert_eq!(j[0], cg);
    let mut row = [0.0; N];
    (row[1], row[2]) = (x[2], x[1]);
    assert_eq!(j[1], row);
}

#[test]
fn reused_tape_of_8192_records_on_a_2_mib_stack() {
    let x = point();
    let (first, second) = on_2_mib(move || {
        let mut t = Tape::<f64, CAP>::new();
        let first = tape::gradient_on(&mut t, |x| f(x), x);
        let second = tape::gradient_on(&mut t, |x| f(x), x.map(|v| -v));
        (first, second)
    });
    let (cv, cg) = closed_form(x);
    assert_eq!(first, Ok((cv, cg)));
    // f is a quadratic form: f(−x) = f(x) and ∇f(−x) = −∇f(x).
    assert_eq!(second, Ok((cv, cg.map(|v| -v))));
}
