//! The global tape: gradients equal the stack tape's bit for bit and pass the checker;
//! every misuse (nesting, a variable kept past its call or sent to another thread, too
//! small a tape) is an error that names it; nothing allocates. (With `std`: the records of
//! a recording on its call's stack; `libm_check/` tests the `critical-section` store.)
#![cfg(feature = "std")]

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};

use proptest::prelude::*;
use typegrad::check::check_gradient;
use typegrad::global::{self, Error, Global, Var};
use typegrad::{Float, tape};

mod counting;
use counting::{Counting, allocations};

#[global_allocator]
static GLOBAL: Counting = Counting;

typegrad::global_tape!(Tape: f64, 256);
typegrad::global_tape!(Other: f64, 64);
typegrad::global_tape!(Small: f32, 64);

type V = Var<f64, Tape>;

/// Every kind of operation: of two variables, of one, with constants, choices (away from
/// their ties on the test's domain, so that finite differences apply).
fn mixed<T: Float>([a, b, c, d]: [T; 4]) -> T {
    let k = T::from(1.5).unwrap();
    let s = (a * b).sin() + (c / d).exp() - a.hypot(d).sqrt() * k;
    let t = a.atan2(c).powi(3) + b.max(c) * d.min(a) + (b * b + k).ln() * c.tanh();
    s.mul_add(t, a.powf(b.abs() + k)) + (c + d).abs() + d.cbrt() * b.clamp(-k - k, k)
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn equals_the_stack_tape(a in 0.1..1.0, b in -2.0..-0.5, c in 0.5..2.0, d in 1.5..2.5) {
        let x = [a, b, c, d];
        let global = global::gradient::<Tape, _>(mixed, x).unwrap();
        let stack = tape::gradient::<_, 64>(|x| mixed(x), x).unwrap();
        prop_assert_eq!(global.0.to_bits(), stack.0.to_bits());
        prop_assert_eq!(global.1.map(f64::to_bits), stack.1.map(f64::to_bits));
        let r = check_gradient(mixed, x, global.1);
        prop_assert!(r.passes(1e-7), "{r:?}");
    }
}

#[test]
fn jacobian_and_f32() {
    let (fx, j) =
        global::jacobian::<Tape, _, 2>(|[x, y]| [x * y, x.sin() + y], [1.0, 2.0]).unwrap();
    assert_eq!(fx, [2.0, 1.0_f64.sin() + 2.0]);
    assert_eq!(j, [[2.0, 1.0], [1.0_f64.cos(), 1.0]]);
    let (v, g) = global::gradient::<Small, _>(|[x, y]| x * y.exp(), [3.0_f32, 0.0]).unwrap();
    assert_eq!((v, g), (3.0, [1.0, 3.0]));
}

#[test]
fn capacity() {
    let r = global::gradient::<Other, 60>(|x| x.iter().fold(x[0], |s, &xi| s * xi), [1.0; 60]);
    assert_eq!(r, Err(Error::Capacity { required: 120 }));
    assert_eq!(
        Error::Capacity { required: 120 }.to_string(),
        "global tape capacity exceeded: declare it with at least 120"
    );
    // Inputs past the capacity are counted too.
    let r = global::gradient::<Other, 70>(|x| x[69] * 2.0, [1.0; 70]);
    assert_eq!(r, Err(Error::Capacity { required: 70 }));
}

#[test]
fn nesting_one_recording_in_another_on_the_same_tape_is_an_error() {
    let mut inner = None;
    let outer = global::gradient::<Tape, _>(
        |[x]| {
            inner = Some(global::gradient::<Tape, _>(|[y]| y * y, [2.0]));
            // Another tape nests freely: its variables are another type.
            let other = global::gradient::<Other, _>(|[y]| y * y, [3.0]);
            assert_eq!(other, Ok((9.0, [6.0])));
            x * x
        },
        [1.5],
    );
    assert_eq!(inner, Some(Err(Error::Nested)));
    assert_eq!(outer, Ok((2.25, [3.0])));
    assert!(Error::Nested.to_string().contains("cannot be nested"));
}

#[test]
fn a_variable_kept_past_its_call_is_an_error() {
    let kept: Cell<Option<V>> = Cell::new(None);
    let first = global::gradient::<Tape, _>(
        |[x, y]| {
            kept.set(Some(x));
            x * y
        },
        [2.0, 3.0],
    );
    assert_eq!(first, Ok((6.0, [3.0, 2.0])));
    let old = kept.get().unwrap();
    // Used in the next recording, with a variable of it or alone as the output.
    let mixed = global::gradient::<Tape, _>(|[x]| x * old, [5.0]);
    assert_eq!(mixed, Err(Error::Stale));
    let returned = global::gradient::<Tape, _>(|[x]| x.sin() * 0.0 + old, [5.0]);
    assert_eq!(returned, Err(Error::Stale));
    let scaled = global::gradient::<Tape, _>(|[_x]| old * 2.0, [5.0]);
    assert_eq!(scaled, Err(Error::Stale));
    // Outside any recording the value is still right; the result belongs to no
    // recording, so a later one refuses it.
    let square = old * old;
    assert_eq!(square.value(), 4.0);
    let later = global::gradient::<Tape, _>(|[x]| x + square, [1.0]);
    assert_eq!(later, Err(Error::Stale));
    // And the tape is fine afterwards.
    assert_eq!(
        global::gradient::<Tape, _>(|[x]| x * x, [4.0]),
        Ok((16.0, [8.0]))
    );
}

#[test]
fn a_variable_sent_to_another_thread_is_an_error_there_and_back() {
    let _ = global::gradient::<Tape, _>(
        |[x, y]| {
            let (there, back) = std::thread::scope(|s| {
                s.spawn(|| {
                    let there = global::gradient::<Tape, _>(|[z]| z * x, [1.0]);
                    (there, x * y) // computed outside any recording of that thread
                })
                .join()
                .unwrap()
            });
            assert_eq!(there, Err(Error::Stale));
            let r = back + x;
            // Operations of one variable need no tape: those done elsewhere stay exact.
            r
        },
        [2.0, 3.0],
    )
    .map(|_| panic!("the product made on another thread was accepted"))
    .unwrap_err();
    let ok = global::gradient::<Tape, _>(
        |[x]| {
            let y = std::thread::scope(|s| s.spawn(|| (x * 3.0).sin()).join().unwrap());
            y * 2.0
        },
        [0.5],
    );
    assert_eq!(ok, Ok((2.0 * 1.5_f64.sin(), [6.0 * 1.5_f64.cos()])));
}

#[test]
fn a_panic_ends_the_recording() {
    let r = catch_unwind(AssertUnwindSafe(|| {
        global::gradient::<Tape, _>(|[x]| -> V { panic!("in the function {x}") }, [1.0])
    }));
    assert!(r.is_err());
    assert_eq!(Tape::with(|s| s.len()), None, "no recording left behind");
    assert_eq!(
        global::gradient::<Tape, _>(|[x]| x * x, [3.0]),
        Ok((9.0, [6.0]))
    );
}

#[test]
fn static_send_sync() {
    fn scalar<T: 'static + Send + Sync + Copy + Float>() {}
    scalar::<V>();
    scalar::<Var<f32, Small>>();
}

#[test]
fn no_allocation() {
    assert_eq!(allocations(|| drop(std::hint::black_box(vec![1]))), 1);
    let mut sum = 0.0;
    let n = allocations(|| {
        for k in 0..10 {
            let x = [0.5 + k as f64 / 10.0, 1.0, -0.5, 1.5];
            let (v, g) = global::gradient::<Tape, _>(mixed, x).unwrap();
            let over =
                global::gradient::<Other, 60>(|x| x.iter().fold(x[0], |s, &y| s * y), [1.0; 60]);
            sum += v + g[0] + over.map_or(1.0, |r| r.0);
        }
    });
    assert!(sum.is_finite());
    assert_eq!(n, 0, "the global tape allocated {n} times");
}
