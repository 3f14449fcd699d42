//! The records of a global tape, in a `static` that [`global_tape!`](crate::global_tape)
//! declares: fixed capacity, built at compile time, no heap and no `unsafe`.

use core::cell::Cell;

use super::Error;
use crate::Scalar;
use crate::rules;

/// A record's missing parent, and the index of a result past the capacity.
pub(super) const NONE: u32 = u32::MAX;
/// The recording id of a constant.
pub(super) const CONSTANT: u64 = 0;
/// The recording id of a result that no recording holds: an operation of two variables
/// while their tape was not recording them. Never issued to a recording.
pub(super) const POISONED: u64 = u64::MAX;

/// One operation of two variables on a global tape (opaque): its parents, the partials in
/// them, and its adjoint. A [`Store`] holds an array of them.
///
/// ```
/// use typegrad::global::Record;
/// assert_eq!(size_of::<Record<f64>>(), 32);
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Record<T> {
    pa: u32,
    pb: u32,
    da: T,
    db: T,
    adj: T,
}

/// The storage of a global tape: its records (`R` is `[Record<T>; CAP]`), and whether and
/// what it is recording. [`global_tape!`](crate::global_tape) declares one per thread (or
/// one behind a critical section without `std`); the tape's functions see it as
/// `Store<[Record<T>]>`, whatever its capacity.
///
/// It takes `8 + 3·size_of::<T>()` bytes per record (32 for `f64`), plus 32 bytes (measured
/// on x86-64 with `size_of`).
///
/// ```
/// use typegrad::global::{Record, Store};
/// let s: Store<[Record<f64>; 16]> = Store::new(0.0);
/// let view: &Store<[Record<f64>]> = &s; // any capacity, one type
/// assert_eq!(view.capacity(), 16);
/// ```
pub struct Store<R: ?Sized> {
    /// Records made by this recording, also past the capacity (counted, not stored).
    len: Cell<usize>,
    /// The inputs: the first records.
    inputs: Cell<usize>,
    /// The id of the recording in progress, `CONSTANT` (0) when idle.
    id: Cell<u64>,
    /// Set when a variable of another recording met this one's.
    stale: Cell<bool>,
    /// Without `std`, ids come from here (the tape's one store).
    #[cfg(not(feature = "std"))]
    next: Cell<u64>,
    records: Cell<R>,
}

impl<T: Copy, const CAP: usize> Store<[Record<T>; CAP]> {
    /// An idle store of `CAP` records, every number in it `zero`; a `const fn`, so a
    /// `static` can hold it.
    ///
    /// ```
    /// use typegrad::global::{Record, Store};
    /// const S: Store<[Record<f32>; 4]> = Store::new(0.0);
    /// assert_eq!((&S as &Store<[Record<f32>]>).capacity(), 4);
    /// ```
    pub const fn new(zero: T) -> Self {
        let r = Record {
            pa: NONE,
            pb: NONE,
            da: zero,
            db: zero,
            adj: zero,
        };
        Store {
            len: Cell::new(0),
            inputs: Cell::new(0),
            id: Cell::new(CONSTANT),
            stale: Cell::new(false),
            #[cfg(not(feature = "std"))]
            next: Cell::new(0),
            records: Cell::new([r; CAP]),
        }
    }
}

/// A fresh recording id, unique in the process: the variables are `Send`, and with `std`
/// every recording has a store of its own.
#[cfg(feature = "std")]
fn fresh<R: ?Sized>(_: &Store<R>) -> u64 {
    #[cfg(target_has_atomic = "64")]
    {
        use core::sync::atomic::{AtomicU64, Ordering};
        static NEXT: AtomicU64 = AtomicU64::new(1);
        NEXT.fetch_add(1, Ordering::Relaxed)
    }
    #[cfg(not(target_has_atomic = "64"))]
    {
        static NEXT: std::sync::Mutex<u64> = std::sync::Mutex::new(1);
        let mut n = NEXT
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        *n += 1;
        *n
    }
}

/// A fresh recording id, from the tape's one store (without `std`).
#[cfg(not(feature = "std"))]
fn fresh<R: ?Sized>(s: &Store<R>) -> u64 {
    let n = s.next.get() + 1;
    s.next.set(n);
    n
}

impl<T: Scalar> Store<[Record<T>]> {
    /// How many records it holds.
    ///
    /// ```
    /// use typegrad::global::{Record, Store};
    /// let s = Store::<[Record<f64>; 3]>::new(0.0);
    /// assert_eq!((&s as &Store<[Record<f64>]>).capacity(), 3);
    /// ```
    pub fn capacity(&self) -> usize {
        self.cells().len()
    }

    /// The records made so far by this recording, also past the capacity: the capacity it
    /// needs.
    ///
    /// ```
    /// use typegrad::{global::{self, Global}, Float};
    /// typegrad::global_tape!(Tape: f64, 8);
    /// let r = global::gradient::<Tape, _>(|[x, y]| {
    ///     let z = x * y + x;
    ///     assert_eq!(Tape::with(|s| s.len()), Some(4)); // two inputs, `*` and `+`
    ///     z
    /// }, [1.0, 2.0]);
    /// assert_eq!(r, Ok((3.0, [3.0, 1.0])));
    /// ```
    pub fn len(&self) -> usize {
        self.len.get()
    }

    /// Whether nothing is recorded (not even inputs).
    ///
    /// ```
    /// use typegrad::{global::{self, Global}, Float};
    /// typegrad::global_tape!(Tape: f64, 8);
    /// let _ = global::gradient::<Tape, _>(|[x]| {
    ///     assert_eq!(Tape::with(|s| s.is_empty()), Some(false)); // one input
    ///     x
    /// }, [1.0]);
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    #[inline(always)]
    fn cells(&self) -> &[Cell<Record<T>>] {
        self.records.as_slice_of_cells()
    }

    /// Starts a recording of `n` inputs (records `0..n`): its id, or `Nested` if one is in
    /// progress.
    pub(super) fn start(&self, n: usize) -> Result<u64, Error> {
        if self.id.get() != CONSTANT {
            return Err(Error::Nested);
        }
        let id = fresh(self);
        self.id.set(id);
        self.len.set(n);
        self.inputs.set(n);
        self.stale.set(false);
        for c in self.cells().iter().take(n) {
            c.set(Record {
                pa: NONE,
                pb: NONE,
                da: T::zero(),
                db: T::zero(),
                adj: T::zero(),
            });
        }
        Ok(id)
    }

    /// Whether a recording is in progress.
    pub(super) fn is_recording(&self) -> bool {
        self.id.get() != CONSTANT
    }

    /// Ends the recording: the store is idle, and every variable of it is stale.
    pub(super) fn stop(&self) {
        self.id.set(CONSTANT);
    }

    /// Records an operation of the variables `(ida, a)` and `(idb, b)` with partials `da`
    /// and `db`: the result's recording id and index. Variables of another recording (or
    /// an idle store) give a poisoned result, and the recording in progress an error.
    #[inline(always)]
    pub(super) fn record(
        &self,
        (ida, a, da): (u64, u32, T),
        (idb, b, db): (u64, u32, T),
    ) -> (u64, u32) {
        let id = self.id.get();
        if id == CONSTANT || ida != id || idb != id {
            return self.foreign();
        }
        let n = self.len.get();
        self.len.set(n.saturating_add(1));
        match self.cells().get(n) {
            Some(c) => {
                let adj = T::zero();
                c.set(Record {
                    pa: a,
                    pb: b,
                    da,
                    db,
                    adj,
                });
                (id, n as u32)
            }
            None => (id, NONE),
        }
    }

    /// Notes that a variable of another recording reached this one (if one is in progress).
    #[cold]
    fn foreign(&self) -> (u64, u32) {
        if self.id.get() != CONSTANT {
            self.stale.set(true);
        }
        (POISONED, NONE)
    }

    /// Whether `id` is the recording in progress, noting a foreign one.
    pub(super) fn owns(&self, id: u64) -> bool {
        let ok = id == CONSTANT || id == self.id.get();
        if !ok {
            self.stale.set(true);
        }
        ok
    }

    /// The first error of this recording, if any.
    pub(super) fn status(&self) -> Result<(), Error> {
        if self.stale.get() {
            Err(Error::Stale)
        } else if self.len.get() > self.capacity() {
            Err(Error::Capacity {
                required: self.len.get(),
            })
        } else {
            Ok(())
        }
    }

    /// Every adjoint back to zero, for another sweep.
    pub(super) fn reset(&self) {
        for c in self.cells().iter().take(self.len.get()) {
            let mut r = c.get();
            r.adj = T::zero();
            c.set(r);
        }
    }

    /// One reverse sweep from `seed` times record `out`: afterwards each record's adjoint
    /// is the derivative of that in it. Needs every adjoint zero.
    pub(super) fn sweep(&self, out: u32, seed: T) {
        let cells = self.cells();
        let Some(last) = cells.get(out as usize) else {
            return;
        };
        let mut r = last.get();
        r.adj = seed;
        last.set(r);
        for i in (self.inputs.get()..=out as usize).rev() {
            let Some(r) = cells.get(i).map(Cell::get) else {
                break;
            };
            if !rules::carries(r.adj) {
                continue;
            }
            for (p, d) in [(r.pa, r.da), (r.pb, r.db)] {
                if let Some(c) = cells.get(p as usize) {
                    let mut q = c.get();
                    q.adj = q.adj + d * r.adj;
                    c.set(q);
                }
            }
        }
    }

    /// The adjoint of input `i` after a sweep.
    pub(super) fn adjoint(&self, i: usize) -> T {
        self.cells().get(i).map_or_else(T::zero, |c| c.get().adj)
    }
}
