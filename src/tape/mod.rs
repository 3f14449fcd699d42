//! Reverse mode for unchanged generic `Float` code, on a fixed-capacity tape on the stack.
//!
//! Forward duals cost `O(N)` per operation for `N` inputs; this mode costs `O(1)`: each
//! operation on tape variables ([`Active`]) computes its value and its partial derivatives
//! (from the one rule table, [`rules`](crate::rules)), and operations of two variables are
//! recorded on a [`Tape`]. One backward sweep over the records then gives the whole
//! gradient.
//!
//! ```
//! use typegrad::{tape, Float};
//!
//! fn f<T: Float>(x: [T; 3]) -> T {
//!     x.iter().fold(T::zero(), |s, &xi| s + xi.sin() * xi)
//! }
//! let (v, g) = tape::gradient::<_, 16>(|x| f(x), [1.0_f64, 2.0, 3.0]).unwrap();
//! assert_eq!(v, f([1.0, 2.0, 3.0]));
//! assert_eq!(g[1], 2.0_f64.cos() * 2.0 + 2.0_f64.sin());
//! ```
//!
//! # Design
//!
//! - **A variable is a multiple of one record**: its value, a record's index and a
//!   multiplier (its derivative in that record). An operation of one variable — `sin`,
//!   `powi`, `x * 2.0`, `x + c`, or any operation with a constant — records nothing: it
//!   multiplies the multiplier by its derivative (the chain rule through one step). Only
//!   an operation of two variables makes a record, with its two parents and the two partials
//!   already multiplied by the parents' multipliers; its result has multiplier 1. Inputs are
//!   records `0..N`.
//! - **Storage.** A `Tape<T, CAP>` holds five arrays in `Cell`s, structure-of-arrays: the
//!   two parents of each record (`u32`), its two partials and its adjoint;
//!   `8 + 3·size_of::<T>()` bytes per record (32 for `f64`), plus at most 24 bytes. No heap, no
//!   `unsafe`: variables hold `&Tape` and record through the cells. The arrays are built
//!   in place (`Cell<[T; CAP]>`, viewed with `as_array_of_cells`).
//! - **Sweep.** One pass backward over the records: each record's adjoint, if not zero,
//!   is multiplied by its partials and added to its parents' adjoints. Indices are read
//!   with `get`, so a bad index could only skip, never panic.
//! - **Constants** (`T::from(100.0)`, `zero()`, `nan()`, plain `f64` operands) carry no
//!   tape; an operation between constants records nothing.
//! - **Overflow.** Past `CAP`, records are counted but not stored, values stay exact, and
//!   the gradient call returns [`TapeError::Capacity`] with the exact count needed.
//! - **Two tapes.** The closure forms ([`gradient`], [`jacobian`]) give their variables a
//!   higher-ranked, invariant lifetime, so mixing the variables of two tapes is a compile
//!   error. On caller-owned tapes ([`gradient_on`], [`jacobian_on`]) the types cannot always
//!   tell two tapes apart; each operation of two variables compares the tape pointers, and a
//!   mismatch makes the call return [`TapeError::Mixed`]. Those take the tape by `&mut`, so a
//!   variable of one call cannot be kept and used in the next (a compile error).
//! - **Zero times infinity.** A multiplier that is zero stays zero through a derivative
//!   that is infinite (`sqrt` at 0), as forward mode keeps zero tangents zero; and the sweep
//!   skips records whose adjoint is zero, so a result that does not reach the output
//!   propagates nothing.

mod api;
mod fmt;
mod hessian;
mod var;

use core::cell::Cell;

pub use api::{Point, Recording, gradient, gradient_on, jacobian, jacobian_on};
pub use hessian::{Recordings, Twice, hessian};
pub use var::Active;

use crate::Scalar;

/// The parent index of a constant, and the missing second parent of a one-argument record.
const NONE: u32 = u32::MAX;

/// Why a tape gradient has no answer.
///
/// ```
/// use typegrad::{tape, tape::TapeError, Float};
/// let r = tape::gradient::<_, 4>(|[x, y]| x * y + x.sin() * y, [1.0_f64, 2.0]);
/// assert_eq!(r, Err(TapeError::Capacity { required: 5 })); // 2 inputs, 3 products and sums
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TapeError {
    /// The recording needed `required` records (inputs included) and the tape holds fewer:
    /// write `required` (or more) as `CAP`.
    Capacity {
        /// The capacity the recording needs.
        required: usize,
    },
    /// Variables of two different tapes met in one operation, or the output is not a
    /// variable of the tape that computed the gradient.
    Mixed,
}

impl core::fmt::Display for TapeError {
    /// ```
    /// use typegrad::tape::TapeError;
    /// let e = TapeError::Capacity { required: 40 };
    /// assert_eq!(e.to_string(), "tape capacity exceeded: CAP must be at least 40");
    /// ```
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            TapeError::Capacity { required } => {
                write!(f, "tape capacity exceeded: CAP must be at least {required}")
            }
            TapeError::Mixed => f.write_str("variables of two different tapes were mixed"),
        }
    }
}

impl core::error::Error for TapeError {}

/// A fixed-capacity record of operations, for up to `CAP` records, on the caller's stack.
///
/// The closure forms ([`gradient`], [`jacobian`]) make their own; make one to reuse it, or
/// to pass a generic function by name to [`gradient_on`]. It takes
/// `8 + 3·size_of::<T>()` bytes per record (32 for `f64`).
///
/// ```
/// use typegrad::{tape::{self, Tape}, Float};
/// fn f<T: Float>([x, y]: [T; 2]) -> T {
///     x.powi(2) * y
/// }
/// let mut t = Tape::<f64, 8>::new();
/// assert_eq!(tape::gradient_on(&mut t, f, [3.0, 2.0]), Ok((18.0, [12.0, 9.0])));
/// assert_eq!(t.len(), 3); // two inputs, one operation of two variables
/// ```
pub struct Tape<T, const CAP: usize> {
    /// Records made so far, also past `CAP` (those are counted, not stored).
    len: Cell<usize>,
    /// Set when variables of another tape met this tape's.
    mixed: Cell<bool>,
    /// The inputs: the first records, without parents.
    inputs: Cell<usize>,
    /// Each record's first parent (`NONE` for none).
    pa: Cell<[u32; CAP]>,
    /// Each record's second parent (`NONE` for none).
    pb: Cell<[u32; CAP]>,
    /// Each record's partial derivative in its first parent.
    da: Cell<[T; CAP]>,
    /// Each record's partial derivative in its second parent.
    db: Cell<[T; CAP]>,
    /// Each record's adjoint: zero from its recording until a sweep.
    adj: Cell<[T; CAP]>,
}

impl<T: Scalar, const CAP: usize> Tape<T, CAP> {
    /// An empty tape, zero-initialised in place.
    ///
    /// ```
    /// use typegrad::tape::Tape;
    /// let t = Tape::<f32, 100>::new();
    /// assert!(t.is_empty());
    /// ```
    #[inline(always)]
    pub fn new() -> Self {
        const { assert!(CAP < NONE as usize, "Tape: CAP must be less than u32::MAX") };
        Tape {
            len: Cell::new(0),
            mixed: Cell::new(false),
            inputs: Cell::new(0),
            pa: Cell::new([NONE; CAP]),
            pb: Cell::new([NONE; CAP]),
            da: Cell::new([T::zero(); CAP]),
            db: Cell::new([T::zero(); CAP]),
            adj: Cell::new([T::zero(); CAP]),
        }
    }

    /// The number of records made by the last recording, also past `CAP`: the capacity it
    /// needs.
    ///
    /// ```
    /// use typegrad::{tape::{self, Tape}, Float};
    /// let mut t = Tape::<f64, 2>::new();
    /// let r = tape::gradient_on(&mut t, |[x, y]| x * y + x, [1.0, 2.0]);
    /// assert!(r.is_err());
    /// assert_eq!(t.len(), 4);
    /// ```
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.len.get()
    }

    /// Whether nothing is recorded.
    ///
    /// ```
    /// use typegrad::tape::Tape;
    /// assert!(Tape::<f64, 1>::new().is_empty());
    /// ```
    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Forgets every record and makes `n` inputs: records `0..n`, without parents.
    #[inline(always)]
    fn start(&self, n: usize) {
        self.len.set(n);
        self.inputs.set(n);
        self.mixed.set(false);
        let adj = self.adj.as_array_of_cells();
        for a in adj.get(..n).unwrap_or(adj) {
            a.set(T::zero());
        }
    }

    /// Records a result with parents `a` and `b` and the partials `da`, `db` in them;
    /// returns its index (`NONE` past the capacity, where it is only counted).
    #[inline(always)]
    fn record(&self, a: u32, da: T, b: u32, db: T) -> u32 {
        let n = self.len.get();
        let slots = (
            self.pa.as_array_of_cells().get(n),
            self.pb.as_array_of_cells().get(n),
            self.da.as_array_of_cells().get(n),
            self.db.as_array_of_cells().get(n),
            self.adj.as_array_of_cells().get(n),
        );
        if let (Some(pa), Some(pb), Some(pda), Some(pdb), Some(adj)) = slots {
            pa.set(a);
            pb.set(b);
            pda.set(da);
            pdb.set(db);
            adj.set(T::zero());
            self.len.set(n + 1);
            n as u32
        } else {
            self.len.set(n.saturating_add(1));
            NONE
        }
    }

    /// Notes that variables of another tape met this one's.
    #[cold]
    fn mix(&self) {
        self.mixed.set(true);
    }

    /// The first error of this recording, if any.
    #[inline(always)]
    fn status(&self) -> Result<(), TapeError> {
        if self.mixed.get() {
            Err(TapeError::Mixed)
        } else if self.len.get() > CAP {
            Err(TapeError::Capacity {
                required: self.len.get(),
            })
        } else {
            Ok(())
        }
    }

    /// Sets every adjoint back to zero, for another sweep.
    #[inline(always)]
    fn reset(&self) {
        let adj = self.adj.as_array_of_cells();
        for a in adj.get(..self.len.get()).unwrap_or(adj) {
            a.set(T::zero());
        }
    }

    /// One reverse sweep from `seed` times record `out` (nothing for a constant, `NONE`):
    /// afterwards each record's adjoint is the derivative of that in it. Needs every
    /// adjoint zero.
    #[inline(always)]
    fn sweep(&self, out: u32, seed: T) {
        let n = (out as usize).saturating_add(1);
        let records = (
            self.adj.as_array_of_cells().get(..n),
            self.pa.as_array_of_cells().get(..n),
            self.pb.as_array_of_cells().get(..n),
            self.da.as_array_of_cells().get(..n),
            self.db.as_array_of_cells().get(..n),
        );
        let (Some(adj), Some(pa), Some(pb), Some(da), Some(db)) = records else {
            return;
        };
        if let Some(last) = adj.last() {
            last.set(seed);
        }
        for i in (self.inputs.get()..n).rev() {
            let (Some(w), Some(a), Some(b), Some(da), Some(db)) =
                (adj.get(i), pa.get(i), pb.get(i), da.get(i), db.get(i))
            else {
                break;
            };
            let w = w.get();
            if w.is_exact_zero() {
                continue;
            }
            if let Some(c) = adj.get(a.get() as usize) {
                c.set(c.get() + da.get() * w);
            }
            if let Some(c) = adj.get(b.get() as usize) {
                c.set(c.get() + db.get() * w);
            }
        }
    }

    /// The adjoints of the first `N` records (the inputs) after a sweep.
    #[inline(always)]
    fn inputs_adjoint<const N: usize>(&self) -> [T; N] {
        let mut g = [T::zero(); N];
        for (gi, a) in g.iter_mut().zip(self.adj.as_array_of_cells()) {
            *gi = a.get();
        }
        g
    }
}

impl<T: Scalar, const CAP: usize> Default for Tape<T, CAP> {
    /// An empty tape.
    ///
    /// ```
    /// use typegrad::tape::Tape;
    /// let t: Tape<f64, 10> = Default::default();
    /// assert_eq!(t.len(), 0);
    /// ```
    #[inline(always)]
    fn default() -> Self {
        Self::new()
    }
}
