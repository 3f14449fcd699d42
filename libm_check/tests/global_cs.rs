//! The global tape without `std`: one static store behind a `critical_section::Mutex`
//! (the critical section here is `critical-section`'s `std` mutex).

use typegrad::global::{self, Error, Global};
use typegrad::{Float, tape};

// The host's critical section: `critical-section`'s `std` implementation.
use critical_section as _;

// One store per tape, shared by the test threads: a tape per test.
typegrad::global_tape!(Tape: f64, 64);
typegrad::global_tape!(Misuse: f64, 8);

fn f<T: Float>([x, y, z]: [T; 3]) -> T {
    (x * y).sin() + z.exp() * x - y.hypot(z)
}

#[test]
fn gradients_equal_the_stack_tape() {
    let x = [0.5, -1.25, 0.75];
    let g = global::gradient::<Tape, _>(f, x).unwrap();
    assert_eq!(g, tape::gradient::<_, 16>(|x| f(x), x).unwrap());
    // The static store stays; the recording has ended.
    assert_eq!(Tape::with(|s| s.capacity()), Some(64));
}

#[test]
fn misuse_is_an_error() {
    let mut kept = None;
    let mut inner = None;
    let outer = global::gradient::<Misuse, _>(
        |[x]| {
            kept = Some(x);
            inner = Some(global::gradient::<Misuse, _>(|[y]| y * y, [1.0]));
            x * x
        },
        [2.0],
    );
    assert_eq!((outer, inner), (Ok((4.0, [4.0])), Some(Err(Error::Nested))));
    let old = kept.unwrap();
    assert_eq!(
        global::gradient::<Misuse, _>(|[x]| x * old, [1.0]),
        Err(Error::Stale)
    );
    assert_eq!(
        global::gradient::<Misuse, _>(|[x]| x * x, [3.0]),
        Ok((9.0, [6.0]))
    );
}
