//! Reverse mode with `'static` variables, for code that needs `'static` (or `Send`, `Sync`)
//! scalars: nalgebra's `RealField` (feature `nalgebra`), and any code that stores its
//! numbers. A variable ([`Var`]) holds no reference: it reaches the records of its
//! recording through the tape it names, a unit type declared with
//! [`global_tape!`](crate::global_tape).
//!
//! ```
//! use typegrad::{global, Float};
//!
//! // A tape with room for 64 records of `f64`.
//! typegrad::global_tape!(Tape: f64, 64);
//!
//! fn f<T: Float>(x: [T; 3]) -> T {
//!     x.iter().fold(T::zero(), |s, &xi| s + xi.sin() * xi)
//! }
//! let (v, g) = global::gradient::<Tape, _>(f, [1.0, 2.0, 3.0]).unwrap();
//! assert_eq!((v, g), typegrad::tape::gradient::<_, 16>(|x| f(x), [1.0, 2.0, 3.0]).unwrap());
//! ```
//!
//! The variables of two tapes are different types and cannot meet:
//!
//! ```compile_fail,E0308
//! use typegrad::{global, Float};
//! typegrad::global_tape!(A: f64, 8);
//! typegrad::global_tape!(B: f64, 8);
//! let _ = global::gradient::<A, _>(|[x]| {
//!     let _ = global::gradient::<B, _>(|[y]| x * y, [1.0]); // x is A's
//!     x
//! }, [1.0]);
//! ```
//!
//! # Design
//!
//! - **What a variable holds.** Its value, its derivative as a multiple of one record (as
//!   [`tape::Active`](crate::tape::Active)), and the id of its recording: no reference, so it
//!   is `'static`, `Copy`, `Send` and `Sync`. The tape is a type parameter.
//! - **Where the records are.** With `std`, on the stack of the [`gradient`] call, as the
//!   stack tape's: the call makes a [`Store`] of `CAP` records (`8 + 3·size_of::<T>()`
//!   bytes each) and points a thread-local at it while the function runs (a scoped
//!   thread-local, `scoped-tls`; this crate has no `unsafe`). Nothing is kept between calls
//!   and a thread that records nothing pays nothing: a `thread_local!` holding the records
//!   would take `CAP` records from every thread's stack (glibc places static thread-locals
//!   there). Without `std` (feature `critical-section`), the store is one `static` behind a
//!   `critical_section::Mutex`, taken briefly by each operation of two variables.
//!   Operations of one variable, and with constants, do not touch the store.
//! - **Recordings.** [`gradient`] and [`jacobian`] start a recording, which gets a fresh id
//!   (unique in the process), run the function, sweep, and end the recording however the
//!   call ends (a panic in the function included).
//! - **Mistakes are errors, never wrong gradients.** Starting a recording on a tape that is
//!   recording (with `std`: on this thread) is [`Error::Nested`]. A variable keeps the id of
//!   its recording: used in another recording, or returned from one, after its own ended or
//!   on another thread, it makes that call return [`Error::Stale`] (an operation of two
//!   variables outside their recording gives a result that no recording accepts). Recording
//!   past the capacity is [`Error::Capacity`], with the count needed.
//! - **The stack tape or this one?** [`tape`](crate::tape) when the code is generic over
//!   `Float` and its numbers may borrow; this one when the scalar must be `'static`, `Send`
//!   or `Sync`. Both make the same records and sweep them the same way: their gradients are
//!   equal bit for bit.

mod api;
mod fmt;
#[cfg(feature = "nalgebra")]
mod simba;
mod store;
mod var;

pub use api::{gradient, jacobian};
pub use store::{Record, Store};
pub use var::Var;

use crate::Scalar;

/// A tape declared with [`global_tape!`](crate::global_tape): a unit type that names where
/// the records of numbers of type `T` are kept.
///
/// ```
/// use typegrad::{global::{self, Global}, Float};
/// typegrad::global_tape!(Tape: f32, 8);
/// let (_, g) = global::gradient::<Tape, _>(|[x]| {
///     assert_eq!(Tape::with(|s| s.capacity()), Some(8)); // recording: a store
///     x * x
/// }, [3.0]).unwrap();
/// assert_eq!(g, [6.0]);
/// ```
pub trait Global: 'static + Sized {
    /// The number type it records.
    type T: Scalar;
    /// Calls `f` with the store of the recording in progress on this thread (with `std`),
    /// or with the tape's one static store (without); `None` with `std` when no recording
    /// is in progress.
    fn with<R>(f: impl FnOnce(&Store<[Record<Self::T>]>) -> R) -> Option<R>;
    /// Runs `f` with a store: with `std`, a new one on this stack frame, which `with`
    /// reaches during `f`; without, the static one.
    #[doc(hidden)]
    fn recording<R>(f: impl FnOnce() -> R) -> R;
}

/// Why a global-tape gradient has no answer.
///
/// ```
/// use typegrad::{global::{self, Error}, Float};
/// typegrad::global_tape!(Tape: f64, 4);
/// let r = global::gradient::<Tape, _>(|[x, y]| x * y + x.sin() * y, [1.0, 2.0]);
/// assert_eq!(r, Err(Error::Capacity { required: 5 }));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Error {
    /// The recording needed `required` records (inputs included) and the tape holds fewer:
    /// declare it with `required` (or more).
    Capacity {
        /// The capacity the recording needs.
        required: usize,
    },
    /// A gradient on a tape that was already recording (on this thread with `std`; at all
    /// without, where the tape has one store): one recording cannot be nested inside
    /// another on the same tape (declare a second tape).
    Nested,
    /// A variable of another recording met this one's, or was returned: variables live
    /// only inside the call that made them, on its thread.
    Stale,
}

impl core::fmt::Display for Error {
    /// ```
    /// use typegrad::global::Error;
    /// assert!(Error::Stale.to_string().starts_with("a variable of another recording"));
    /// ```
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Error::Capacity { required } => {
                write!(
                    f,
                    "global tape capacity exceeded: declare it with at least {required}"
                )
            }
            Error::Nested => f.write_str(
                "a gradient on a global tape that is already recording: recordings on one \
                 tape cannot be nested",
            ),
            Error::Stale => f.write_str(
                "a variable of another recording was used: global-tape variables live only \
                 inside the gradient call that made them, on its thread",
            ),
        }
    }
}

impl core::error::Error for Error {}

/// Declares a global tape: a unit type `Name` that implements [`Global`] for numbers of
/// type `T` (a [`Scalar`] with a `ConstZero`: `f32`, `f64`, duals), with room for `CAP`
/// records (`8 + 3·size_of::<T>()` bytes each). With `std` the records of a recording live
/// on the stack of its [`gradient`] call (as the stack tape's), reached through a
/// thread-local pointer; without `std` in one static behind a `critical_section::Mutex`.
/// Attributes and a visibility may precede the name.
///
/// ```
/// use typegrad::{global, Float};
/// typegrad::global_tape!(
///     /// The tape of the solver.
///     pub(crate) Solver: f64, 1024
/// );
/// let (v, g) = global::gradient::<Solver, _>(|[x, y]| x.hypot(y), [3.0, 4.0]).unwrap();
/// assert_eq!((v, g), (5.0, [0.6, 0.8]));
/// ```
#[macro_export]
macro_rules! global_tape {
    ($(#[$attr:meta])* $vis:vis $name:ident: $t:ty, $cap:expr) => {
        $(#[$attr])*
        #[derive(Clone, Copy, Debug)]
        $vis struct $name;
        $crate::__global_store!($name, $t, $cap);
    };
}

/// With `std`: the store of a recording on the stack of `recording`, reached through a
/// scoped thread-local pointer.
#[cfg(feature = "std")]
#[doc(hidden)]
#[macro_export]
macro_rules! __global_store {
    ($name:ident, $t:ty, $cap:expr) => {
        const _: () = {
            type Store = $crate::global::Store<[$crate::global::Record<$t>; $cap]>;
    $crate::global::__scoped::scoped_thread_local!(static CURRENT: Store);
            impl $crate::global::Global for $name {
                type T = $t;
                #[inline(always)]
                fn with<R>(
                    f: impl FnOnce(&$crate::global::Store<[$crate::global::Record<$t>]>) -> R,
                ) -> Option<R> {
                    CURRENT.is_set().then(|| CURRENT.with(|s| f(s)))
                }
                #[inline(always)]
                fn recording<R>(f: impl FnOnce() -> R) -> R {
                    let store: Store =
                        $crate::global::Store::new(<$t as $crate::global::__ConstZero>::ZERO);
                    CURRENT.set(&store, f)
                }
            }
        };
    };
}

/// Without `std`: one static store behind a `critical_section::Mutex`.
#[cfg(not(feature = "std"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __global_store {
    ($name:ident, $t:ty, $cap:expr) => {
        const _: () = {
            type Store = $crate::global::Store<[$crate::global::Record<$t>; $cap]>;
            static STORE: $crate::global::__cs::Mutex<Store> = $crate::global::__cs::Mutex::new(
                $crate::global::Store::new(<$t as $crate::global::__ConstZero>::ZERO),
            );
            impl $crate::global::Global for $name {
                type T = $t;
                #[inline(always)]
                fn with<R>(
                    f: impl FnOnce(&$crate::global::Store<[$crate::global::Record<$t>]>) -> R,
                ) -> Option<R> {
                    Some($crate::global::__cs::with(|cs| f(STORE.borrow(cs))))
                }
                #[inline(always)]
                fn recording<R>(f: impl FnOnce() -> R) -> R {
                    f()
                }
            }
        };
    };
}

#[doc(hidden)]
#[cfg(not(feature = "std"))]
pub use critical_section as __cs;
#[doc(hidden)]
pub use num_traits::ConstZero as __ConstZero;
#[doc(hidden)]
#[cfg(feature = "std")]
pub use scoped_tls as __scoped;
