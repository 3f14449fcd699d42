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
//! # Statements
//!
//! Code you can write as reverse-mode expressions records far less: [`stmt!`] records a whole
//! expression over tape variables as one record (Adept's statement-level recording), its
//! partial derivatives computed by the expression's own reverse pass, so a loop body costs a
//! record per statement, not one per operation. Generic `Float` code and statements mix
//! freely on one tape.
//!
//! ```
//! use typegrad::reverse::Expr;
//! use typegrad::tape::{self, stmt};
//!
//! let (v, g) = tape::gradient::<_, 4>(|[x, y]| {
//!     stmt!(x, y => (x * y).sin() + x.powi(2) * y) // one record
//! }, [1.0_f64, 2.0]).unwrap();
//! assert_eq!(v, 2.0_f64.sin() + 2.0);
//! assert_eq!(g, [2.0 * 2.0_f64.cos() + 4.0, 2.0_f64.cos() + 1.0]);
//! ```
//!
//! # Design
//!
//! - **A variable is a multiple of one record**: its value, its record and a multiplier (its
//!   derivative in that record). An operation of one variable — `sin`, `powi`, `x * 2.0`,
//!   `x + c`, or any operation with a constant — records nothing: it multiplies the
//!   multiplier by its derivative (the chain rule through one step). Only an operation of two
//!   variables makes a record, with its two parents and the two partials already multiplied by
//!   the parents' multipliers; its result has multiplier 1. The inputs are the first records.
//!   A statement ([`stmt!`]) is one record with one operand per variable it names: over up
//!   to three, as many records as operations of two variables over them (none for one
//!   variable, whose multiple it is; two chained for three); over `k ≥ 4`, a record and
//!   `⌈k/2⌉` operand slots, each holding two operands and their partials, written just before.
//! - **Two kinds of tape, one variable type.** [`Active<'t, T, S>`](Active) names its kind of
//!   tape `S`, not a capacity, so one function body records on tapes of any size.
//!   - The closure forms ([`gradient`], [`jacobian`], [`required`]) record on a [`Stack`]: the
//!     call reserves `CAP` slots on its stack and writes nothing into them until a record is
//!     made. `MaybeUninit::write` returns a reference to the record it wrote, and a record
//!     holds references to its two parents and to the record made before it, so the sweep
//!     follows references and never reads an unwritten slot: no `unsafe`, and the capacity a
//!     call leaves unused is never written (what remains is the stack probe of the call's
//!     frame, one store per 4 KiB page on x86-64). A record takes 48 bytes for `f64` and 40
//!     for `f32` on 64-bit targets (three numbers and three references).
//!   - A [`Tape<T, CAP>`](Tape) ([`gradient_on`], [`jacobian_on`]) is made once,
//!     zero-initialised, and reused: five arrays in `Cell`s, structure-of-arrays, indexed by
//!     `u32` (the two parents of each record, its two partials and its adjoint):
//!     `8 + 3·size_of::<T>()` bytes per record (32 for `f64`, 20 for `f32`), plus 24.
//! - **Sweep.** One pass backward over the records: each record's adjoint, if not zero,
//!   is multiplied by its partials and added to its parents' adjoints. A `Tape`'s indices
//!   are read with `get`, so a bad index could only skip, never panic. A statement's record
//!   is told apart by its second parent, which no operation of two variables leaves empty
//!   (a [`Stack`]'s `None`; a `Tape`'s index past the capacity, which also says how many
//!   operand slots precede it), in the branch the sweep takes when that parent is missing:
//!   an operation of two variables pays nothing for statements.
//! - **Constants** (`T::from(100.0)`, `zero()`, `nan()`, plain `f64` operands) carry no
//!   tape; an operation between constants records nothing.
//! - **Overflow.** Past `CAP`, records are counted but not stored, values stay exact, and
//!   the gradient call returns [`TapeError::Capacity`] with the exact count needed;
//!   [`required`] counts it with no slots at all.
//! - **Two tapes.** Every entry point, on a tape of its own or on a caller's, gives its
//!   closure variables of a higher-ranked, invariant lifetime, so mixing the variables of two
//!   tapes, or keeping a variable of one call for the next, is a compile error. A generic
//!   function is passed as a closure, `|x| f(x)` (passed by name, it is fixed to one lifetime
//!   and rustc reports "implementation of `FnOnce` is not general enough").
//! - **Zero times infinity.** A multiplier that is zero stays zero through a derivative
//!   that is infinite (`sqrt` at 0), as forward mode keeps zero tangents zero; and the sweep
//!   skips records whose adjoint is zero, so a result that does not reach the output
//!   propagates nothing.
//!
//! # Generic code
//!
//! A function generic over the scalar and the input count needs one bound, `T: Scalar +
//! 'static` (the closure forms hand their closure variables of every lifetime, which the
//! scalar must outlive; every `Scalar` but a tape variable is `'static`):
//!
//! ```
//! use typegrad::{tape, Float, Scalar};
//! fn sum_of_squares<T: Float, const N: usize>(x: [T; N]) -> T {
//!     x.iter().fold(T::zero(), |s, &v| s + v * v)
//! }
//! fn gradient<T: Scalar + 'static, const N: usize>(x: [T; N]) -> [T; N] {
//!     tape::gradient::<_, 64>(|x| sum_of_squares(x), x).expect("64 records").1
//! }
//! assert_eq!(gradient([1.0_f64, 2.0, 3.0]), [2.0, 4.0, 6.0]);
//! assert_eq!(gradient([1.0_f32]), [2.0]);
//! ```
//!
//! # Stack use
//!
//! Each entry point's documentation gives its stack use in bytes, for `N` inputs, `M` outputs
//! and capacity `CAP`, as measured on x86-64 by `python3 benches/stack.py` (frame sizes read
//! from `objdump -d` in release; in debug, the least thread stack that runs the call, with the
//! caller's copies of the point). On top comes what `f` itself uses, with variables of 32 bytes
//! (`f64`) or 24 (`f32`) where the plain function has 8 or 4.
//!
//! A closure form whose tape and variables take more than 4 KiB runs in a function of its own,
//! so a call that does not run costs its caller only the result it would get back.
//!
//! A tape too big for its thread's stack overflows it, and Rust aborts with "has overflowed its
//! stack". Linux gives the main thread 8 MiB; Rust gives spawned threads (and tests) 2 MiB. The
//! largest capacities that ran, for `f64` and a function of two inputs, and in parentheses the
//! next one tried, which overflowed (`python3 benches/stack.py`):
//!
//! | tape | 8 MiB, release | 8 MiB, debug | 2 MiB, release | 2 MiB, debug |
//! |---|---|---|---|---|
//! | [`gradient`] (48 bytes a record) | 170,000 (180,000) | 170,000 (180,000) | 43,000 (45,000) | 43,000 (45,000) |
//! | a reused [`Tape`] (32 bytes a record) | 260,000 (300,000) | 80,000 (100,000) | 60,000 (80,000) | 20,000 (30,000) |
//!
//! In a debug build [`Tape::new`] builds each array and then moves it, about three copies
//! (`104·CAP` bytes for `f64`); the closure forms' slots are never built or moved. For a larger
//! capacity, run the gradient on a thread made with a larger stack
//! ([`std::thread::Builder::stack_size`](https://doc.rust-lang.org/std/thread/struct.Builder.html#method.stack_size)).

mod api;
mod fmt;
mod hessian;
mod point;
mod stack;
mod statement;
mod store;
mod var;

use core::cell::Cell;

pub use crate::stmt;
pub use api::{gradient, gradient_on, jacobian, jacobian_on, required};
pub use hessian::{Recordings, Twice, hessian};
pub use point::{Point, Recording};
pub use stack::Stack;
pub use statement::{Operands, Statement};
pub use store::Store;
pub use var::Active;

use crate::Scalar;

/// The parent index of a constant, and the missing second parent of a one-argument record.
const NONE: u32 = u32::MAX;

/// The second parent of a statement's record in a [`Tape`] whose `m` operand slots come just
/// before it (its first parent is `NONE`): past any index, so that the sweep's bounds check on
/// the second parent, which an operation of two variables passes, tells the two apart.
#[inline(always)]
const fn group(m: usize) -> u32 {
    NONE - m as u32
}

/// The cells of an array held in a cell, through the slice form (`Cell::as_array_of_cells`
/// is not stable in Rust 1.85, the oldest this crate supports).
#[inline(always)]
fn cells<T, const N: usize>(c: &Cell<[T; N]>) -> &[Cell<T>] {
    let c: &Cell<[T]> = c;
    c.as_slice_of_cells()
}

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
        }
    }
}

impl core::error::Error for TapeError {}

/// A fixed-capacity record of operations, for up to `CAP` records, on the caller's stack,
/// zero-initialised once and reused by [`gradient_on`] and [`jacobian_on`] (which also take a
/// generic function by name).
///
/// **Stack:** `(8 + 3·size_of::<T>())·CAP + 24` bytes: `32·CAP + 24` for `f64`, `20·CAP + 24`
/// for `f32`. In a debug build, [`Tape::new`] needs about three times that while it runs
/// (`104·CAP` for `f64`, `64·CAP` for `f32`: each array is built, then moved).
///
/// ```
/// use typegrad::{tape::{self, Tape}, Float};
/// fn f<T: Float>([x, y]: [T; 2]) -> T {
///     x.powi(2) * y
/// }
/// let mut t = Tape::<f64, 8>::new();
/// assert_eq!(tape::gradient_on(&mut t, |x| f(x), [3.0, 2.0]), Ok((18.0, [12.0, 9.0])));
/// assert_eq!(t.len(), 3); // two inputs, one operation of two variables
/// ```
pub struct Tape<T, const CAP: usize> {
    /// Records made so far, also past `CAP` (those are counted, not stored).
    len: Cell<usize>,
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
    /// An empty tape, zero-initialised (in place in release builds; see [`Tape`] for debug).
    ///
    /// ```
    /// use typegrad::tape::Tape;
    /// let t = Tape::<f32, 100>::new();
    /// assert!(t.is_empty());
    /// ```
    #[inline(always)]
    pub fn new() -> Self {
        const {
            assert!(
                CAP <= NONE as usize / 2,
                "Tape: CAP must be at most u32::MAX / 2"
            )
        };
        Tape {
            len: Cell::new(0),
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
        let adj = cells(&self.adj);
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
            cells(&self.pa).get(n),
            cells(&self.pb).get(n),
            cells(&self.da).get(n),
            cells(&self.db).get(n),
            cells(&self.adj).get(n),
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

    /// Records a statement over `k ≥ 4` operands, whose records and partials `pairs` yields
    /// two at a time (the second `NONE` where `k` is odd): `⌈k/2⌉` operand slots, then the
    /// statement's record, whose index it returns (`NONE` past the capacity, where all
    /// `1 + ⌈k/2⌉` are counted).
    #[inline(always)]
    fn statement(&self, k: usize, pairs: impl Iterator<Item = [(u32, T); 2]>) -> u32 {
        let n = self.len.get();
        let need = 1 + k.div_ceil(2);
        let head = n.saturating_add(need - 1);
        let slots = (
            cells(&self.pa).get(n..=head).and_then(<[_]>::split_last),
            cells(&self.pb).get(n..=head).and_then(<[_]>::split_last),
            cells(&self.da).get(n..=head).and_then(<[_]>::split_last),
            cells(&self.db).get(n..=head).and_then(<[_]>::split_last),
            cells(&self.adj).get(n..=head).and_then(<[_]>::split_last),
        );
        let (Some(pa), Some(pb), Some(da), Some(db), Some(adj)) = slots else {
            self.len.set(n.saturating_add(need));
            return NONE;
        };
        let operands = pa.1.iter().zip(pb.1).zip(da.1.iter().zip(db.1)).zip(adj.1);
        for ((((pa, pb), (da, db)), adj), [(a, ca), (b, cb)]) in operands.zip(pairs) {
            pa.set(a);
            pb.set(b);
            da.set(ca);
            db.set(cb);
            adj.set(T::zero());
        }
        pa.0.set(NONE);
        pb.0.set(group(need - 1));
        adj.0.set(T::zero());
        self.len.set(head + 1);
        head as u32
    }

    /// The first error of this recording, if any.
    #[inline(always)]
    fn status(&self) -> Result<(), TapeError> {
        if self.len.get() > CAP {
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
        let adj = cells(&self.adj);
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
            cells(&self.adj).get(..n),
            cells(&self.pa).get(..n),
            cells(&self.pb).get(..n),
            cells(&self.da).get(..n),
            cells(&self.db).get(..n),
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
            if !crate::rules::carries(w) {
                continue;
            }
            if let Some(c) = adj.get(a.get() as usize) {
                c.set(c.get() + da.get() * w);
            }
            if let Some(c) = adj.get(b.get() as usize) {
                c.set(c.get() + db.get() * w);
            } else if b.get() != NONE {
                // A statement: its operand slots (whose adjoints stay zero) come just before.
                let m = (NONE - b.get()) as usize;
                self.spread(adj, i.saturating_sub(m)..i, w);
            }
        }
    }

    /// A statement's share of the sweep: `w` times the partials in the operand slots
    /// `slots`, added to the adjoints `adj` of their records. Out of line: inlined in the
    /// sweep's loop, its slicing made the compiler keep more counters for every record (27
    /// instructions a record instead of 24 on x86-64, measured on Rosenbrock at 64 inputs).
    #[inline(never)]
    fn spread(&self, adj: &[Cell<T>], slots: core::ops::Range<usize>, w: T) {
        let operands = (
            cells(&self.pa).get(slots.clone()),
            cells(&self.pb).get(slots.clone()),
            cells(&self.da).get(slots.clone()),
            cells(&self.db).get(slots),
        );
        let (Some(pa), Some(pb), Some(da), Some(db)) = operands else {
            return;
        };
        for ((a, b), (da, db)) in pa.iter().zip(pb).zip(da.iter().zip(db)) {
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
        for (gi, a) in g.iter_mut().zip(cells(&self.adj)) {
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
