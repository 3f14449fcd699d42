//! Stack use of the tape, for `benches/stack.py`: each entry point at a few sizes, to read
//! frame sizes from `objdump -d` (release) and to find the least thread stack that runs it.
//!
//! ```text
//! stack KIND T N CAP [STACK]   # KIND: gradient, jacobian, gradient_on, jacobian_on, required, none
//! ```
//!
//! The function's record count is hidden from the compiler (`black_box`), so the tape stays
//! in memory as in real use. With `STACK` the call runs on a thread of that many bytes.

use std::hint::black_box;
use std::process::ExitCode;

use typegrad::tape::{self, Tape};
use typegrad::{Float, Scalar};

/// `Σᵢ xᵢ·x₍ᵢ₊₁₎` over a count the compiler cannot see.
fn f<T: Float, const N: usize>(x: [T; N]) -> T {
    (0..black_box(N)).fold(T::zero(), |s, i| s + x[i] * x[(i + 1) % N])
}

#[inline(never)]
fn gradient<T: Scalar + 'static, const N: usize, const CAP: usize>(x: [T; N]) -> bool {
    tape::gradient::<_, CAP>(|x| f(x), x).is_ok()
}

#[inline(never)]
fn jacobian<T: Scalar + 'static, const N: usize, const CAP: usize>(x: [T; N]) -> bool {
    tape::jacobian::<_, CAP, 2>(|x| [f(x), x[0] * x[1]], x).is_ok()
}

#[inline(never)]
fn gradient_on<T: Scalar, const N: usize, const CAP: usize>(x: [T; N]) -> bool {
    let mut t = Tape::<T, CAP>::new();
    tape::gradient_on(&mut t, |x| f(x), x).is_ok()
}

#[inline(never)]
fn jacobian_on<T: Scalar, const N: usize, const CAP: usize>(x: [T; N]) -> bool {
    let mut t = Tape::<T, CAP>::new();
    tape::jacobian_on(&mut t, |x| [f(x), x[0] * x[1]], x).is_ok()
}

#[inline(never)]
fn required<T: Scalar + 'static, const N: usize>(x: [T; N]) -> bool {
    tape::required(|x| f(x), x) > N
}

/// Runs `kind` at `N` inputs of type `T` with capacity `CAP`, in a frame of its own (so that
/// the dispatch in `run` adds nothing per instance).
#[inline(never)]
fn one<T: Scalar + 'static, const N: usize, const CAP: usize>(kind: &str) -> Option<bool> {
    let x = black_box([T::from(1.5).expect("1.5"); N]);
    match kind {
        "gradient" => Some(gradient::<T, N, CAP>(x)),
        "jacobian" => Some(jacobian::<T, N, CAP>(x)),
        "gradient_on" => Some(gradient_on::<T, N, CAP>(x)),
        "jacobian_on" => Some(jacobian_on::<T, N, CAP>(x)),
        "required" => Some(required::<T, N>(x)),
        "none" => Some(true),
        _ => None,
    }
}

macro_rules! instances {
    ($($t:ident $n:literal $cap:literal),* $(,)?) => {
        /// Runs `kind` for one of the instances below; `None` if there is no such instance.
        fn run(kind: &str, t: &str, n: usize, cap: usize) -> Option<bool> {
            $(
                if (t, n, cap) == (stringify!($t), $n, $cap) {
                    return one::<$t, $n, $cap>(kind);
                }
            )*
            None
        }
    };
}

instances!(
    f64 2 1024, f64 2 8192, f64 2 16384, f64 100 8192, f64 1000 8192, f64 1000 16384,
    f32 2 8192, f32 2 16384, f32 1000 8192, f32 1000 16384,
    // The largest tapes a thread's stack holds.
    f64 2 20000, f64 2 30000, f64 2 40000, f64 2 43000, f64 2 45000, f64 2 50000,
    f64 2 60000, f64 2 80000, f64 2 100000, f64 2 170000, f64 2 180000, f64 2 260000,
    f64 2 300000,
);

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [kind, t, n, cap, rest @ ..] = args.as_slice() else {
        eprintln!("usage: stack KIND T N CAP [STACK]");
        return ExitCode::FAILURE;
    };
    let (Ok(n), Ok(cap)) = (n.parse(), cap.parse()) else {
        eprintln!("stack: N and CAP must be numbers");
        return ExitCode::FAILURE;
    };
    let (kind, t) = (kind.clone(), t.clone());
    let ran = match rest.first().map(|s| s.parse::<usize>()) {
        None => run(&kind, &t, n, cap),
        Some(Ok(stack)) => std::thread::Builder::new()
            .stack_size(stack)
            .spawn(move || run(&kind, &t, n, cap))
            .expect("spawn")
            .join()
            .expect("the run panicked"),
        Some(Err(_)) => None,
    };
    match ran {
        Some(true) => ExitCode::SUCCESS,
        _ => {
            eprintln!("stack: no such instance, or the tape overflowed");
            ExitCode::FAILURE
        }
    }
}
