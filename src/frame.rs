//! Where an entry point's work runs (forward mode's and the tape's alike): inlined into its
//! caller when what it keeps on the stack is small, in a function of its own when it is not.
//! A large call that never runs then costs its caller no stack, in debug and in release builds.

use core::marker::PhantomData;

/// The most an entry point keeps on the stack and still runs inlined into its caller:
/// 4 KiB.
pub(crate) const INLINE_BYTES: usize = 4096;

/// The choice for work `W` returning `R` that keeps `S` on the stack.
struct Pick<S, W, R>(PhantomData<(S, W, R)>);

impl<S, W: FnOnce() -> R, R> Pick<S, W, R> {
    /// Only the chosen function is instantiated; calling it through a constant lets an
    /// optimized build inline the small one, and never the other.
    const RUN: fn(W) -> R = if size_of::<S>() <= INLINE_BYTES {
        inlined::<W, R>
    } else {
        apart::<W, R>
    };
}

#[inline(always)]
fn inlined<W: FnOnce() -> R, R>(work: W) -> R {
    work()
}

#[inline(never)]
fn apart<W: FnOnce() -> R, R>(work: W) -> R {
    work()
}

/// Runs `work`, which keeps about `size_of::<S>()` bytes on the stack: inlined into the
/// caller up to [`INLINE_BYTES`], otherwise in a frame of its own.
#[inline(always)]
pub(crate) fn run<S, R>(work: impl FnOnce() -> R) -> R {
    Pick::<S, _, R>::RUN(work)
}
