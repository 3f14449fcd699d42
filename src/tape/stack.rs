//! `Stack`: the closure forms' tape, records written once into uninitialised slots and linked
//! by references, so that the part of the capacity a recording leaves unused is never written.

use core::cell::Cell;
use core::mem::MaybeUninit;

use super::TapeError;
use crate::Scalar;

/// One record: an operation of two variables, an input (without parents), or a statement
/// over more variables with its operand slots.
///
/// A record is reached only through the reference its slot's `write` returned, never by
/// index: that is what lets the slots start uninitialised without `unsafe`. Each record links
/// to the record made before it (`prev`), which the sweep follows backward.
///
/// A statement ([`stmt!`](crate::stmt)) over `k ≥ 4` operands takes `1 + ⌈k/2⌉` slots: its
/// operands, two a slot (`a` and `da`, `b` and `db`; `None` for a constant, and for the
/// missing second of an odd count), linked through their `prev` and outside the tape's chain
/// of records, then its record, whose `a` is the first operand slot and whose `b` is `None`
/// (which no operation of two variables has).
pub struct Rec<'t, T> {
    /// The adjoint: zero from the recording until a sweep.
    adj: Cell<T>,
    /// The partial derivative in the first parent.
    da: T,
    /// The partial derivative in the second parent.
    db: T,
    /// The first parent; `None` for an input; a statement's first operand slot.
    a: Link<'t, T>,
    /// The second parent; `None` for an input and for a statement.
    b: Link<'t, T>,
    /// The record made just before, `None` for the first; in an operand slot, the next one.
    prev: Link<'t, T>,
}

/// A reference to a record, `None` where there is none (a constant, or a record past the
/// capacity, only counted).
pub(super) type Link<'t, T> = Option<&'t Rec<'t, T>>;

/// The tape of the closure forms ([`gradient`](super::gradient), [`jacobian`](super::jacobian),
/// [`required`](super::required)): its records live in slots that the call reserves on its
/// stack and does not initialise; a record is written when it is made, and the slots a
/// recording leaves unused are never written.
///
/// It is made inside those calls (its variables are `Active<'t, T>`, whose default store
/// it is); user code only names it in generic bounds.
///
/// ```
/// use typegrad::tape::{self, Active, Stack};
/// type V<'t> = Active<'t, f64, Stack<'t, f64>>; // the same as Active<'t, f64>
/// let (v, g) = tape::gradient::<_, 4>(|[x, y]: [V; 2]| x * y, [2.0, 3.0]).unwrap();
/// assert_eq!((v, g), (6.0, [3.0, 2.0]));
/// ```
pub struct Stack<'t, T> {
    /// The slots not written yet.
    free: Cell<core::slice::IterMut<'t, MaybeUninit<Rec<'t, T>>>>,
    /// The last record written.
    last: Cell<Link<'t, T>>,
    /// The last input.
    inputs: Cell<Link<'t, T>>,
    /// Records counted past the capacity (not stored).
    over: Cell<usize>,
    /// The number of slots.
    cap: usize,
}

/// Uninitialised slots for `CAP` records: the storage of a [`Stack`].
pub(super) type Slots<'t, T, const CAP: usize> = [MaybeUninit<Rec<'t, T>>; CAP];

/// `CAP` uninitialised slots (no code runs: nothing is written until a record is made).
#[inline(always)]
pub(super) fn slots<'t, T, const CAP: usize>() -> Slots<'t, T, CAP> {
    [const { MaybeUninit::uninit() }; CAP]
}

impl<'t, T: Scalar> Stack<'t, T> {
    /// An empty tape writing into `slots`.
    #[inline(always)]
    pub(super) fn new(slots: &'t mut [MaybeUninit<Rec<'t, T>>]) -> Self {
        let cap = slots.len();
        Stack {
            free: Cell::new(slots.iter_mut()),
            last: Cell::new(None),
            inputs: Cell::new(None),
            over: Cell::new(0),
            cap,
        }
    }

    /// The number of records made, also past the capacity.
    #[inline(always)]
    pub(super) fn len(&self) -> usize {
        let free = self.free.take();
        let n = self.cap - free.len();
        self.free.set(free);
        n.saturating_add(self.over.get())
    }

    /// Writes a record with parents `a` and `b` and the partials `da`, `db` in them; returns
    /// it (`None` past the capacity, where it is only counted).
    #[inline(always)]
    pub(super) fn record(&self, a: Link<'t, T>, da: T, b: Link<'t, T>, db: T) -> Link<'t, T> {
        // The iterator goes back before anything else touches memory, so that the compiler
        // drops the empty one `take` leaves.
        let mut free = self.free.take();
        let slot = free.next();
        self.free.set(free);
        let Some(slot) = slot else {
            return self.overflow();
        };
        let prev = self.last.get();
        let rec: &'t Rec<'t, T> = slot.write(Rec {
            adj: Cell::new(T::zero()),
            da,
            db,
            a,
            b,
            prev,
        });
        self.last.set(Some(rec));
        Some(rec)
    }

    /// Writes a statement over `k ≥ 4` operands, whose records and partials `pairs` yields two
    /// at a time (the second `None` where `k` is odd): `⌈k/2⌉` operand slots and the
    /// statement's record, which it returns (`None` past the capacity, where all `1 + ⌈k/2⌉`
    /// are counted and nothing more is written).
    #[inline(always)]
    pub(super) fn statement(
        &self,
        k: usize,
        pairs: impl Iterator<Item = [(Link<'t, T>, T); 2]>,
    ) -> Link<'t, T> {
        let need = 1 + k.div_ceil(2);
        let free = self.free.take().into_slice();
        let left = free.len();
        let Some((slots, rest)) = free.split_at_mut_checked(need) else {
            return self.overflow_by(need - left);
        };
        self.free.set(rest.iter_mut());
        let (head, slots) = slots.split_last_mut()?;
        let mut operands: Link<'t, T> = None;
        for (slot, [(a, da), (b, db)]) in slots.iter_mut().zip(pairs) {
            operands = Some(slot.write(Rec {
                adj: Cell::new(T::zero()),
                da,
                db,
                a,
                b,
                prev: operands,
            }));
        }
        let rec: &'t Rec<'t, T> = head.write(Rec {
            adj: Cell::new(T::zero()),
            da: T::zero(),
            db: T::zero(),
            a: operands,
            b: None,
            prev: self.last.get(),
        });
        self.last.set(Some(rec));
        Some(rec)
    }

    /// Records an input: a record without parents. The inputs come first.
    #[inline(always)]
    pub(super) fn input(&self) -> Link<'t, T> {
        let r = self.record(None, T::zero(), None, T::zero());
        self.inputs.set(r);
        r
    }

    /// Counts a record past the capacity.
    #[cold]
    #[inline(never)]
    fn overflow(&self) -> Link<'t, T> {
        self.overflow_by(1)
    }

    /// Counts `n` slots past the capacity (the slots left are dropped, so that nothing more is
    /// written and every later record is counted too).
    #[cold]
    #[inline(never)]
    fn overflow_by(&self, n: usize) -> Link<'t, T> {
        self.over.set(self.over.get().saturating_add(n));
        None
    }

    /// The first error of this recording, if any.
    #[inline(always)]
    pub(super) fn status(&self) -> Result<(), TapeError> {
        if self.over.get() > 0 {
            Err(TapeError::Capacity {
                required: self.len(),
            })
        } else {
            Ok(())
        }
    }

    /// Sets every adjoint back to zero after a sweep with `AGAIN`, which left only the
    /// inputs' adjoints.
    #[inline(always)]
    pub(super) fn reset(&self) {
        let mut r = self.inputs.get();
        while let Some(rec) = r {
            rec.adj.set(T::zero());
            r = rec.prev;
        }
    }

    /// One reverse sweep from `seed` times record `out` (nothing for a constant): afterwards
    /// each record's adjoint is the derivative of that in it. Needs every adjoint zero. With
    /// `AGAIN`, each record's adjoint is set back to zero once passed on, so that only the
    /// inputs' remain (for [`reset`](Self::reset)).
    #[inline(always)]
    pub(super) fn sweep<const AGAIN: bool>(out: Link<'t, T>, seed: T) {
        let Some(out) = out else { return };
        out.adj.set(seed);
        let mut r = Some(out);
        // The inputs come first and have no parents: the sweep ends at the first of them.
        while let Some(Rec {
            adj,
            da,
            db,
            a: Some(a),
            b,
            prev,
        }) = r
        {
            let w = adj.get();
            r = *prev;
            if !crate::rules::carries(w) {
                continue;
            }
            if AGAIN {
                adj.set(T::zero());
            }
            match b {
                Some(b) => {
                    a.adj.set(a.adj.get() + *da * w);
                    b.adj.set(b.adj.get() + *db * w);
                }
                None => Self::spread(a, w),
            }
        }
    }

    /// A statement's share of the sweep: `w` times each operand's partial, added to its
    /// record's adjoint, along the operand slots from `first`.
    #[inline(always)]
    fn spread(first: &Rec<'t, T>, w: T) {
        let mut slot = Some(first);
        while let Some(Rec {
            a, da, b, db, prev, ..
        }) = slot
        {
            if let Some(a) = a {
                a.adj.set(a.adj.get() + *da * w);
            }
            if let Some(b) = b {
                b.adj.set(b.adj.get() + *db * w);
            }
            slot = *prev;
        }
    }

    /// A record's position on the tape (the slots written before it), for `Debug`.
    pub(super) fn position(r: Link<'t, T>) -> Option<usize> {
        let slots = |rec: &Rec<'t, T>| match (rec.a, rec.b) {
            (Some(mut op), None) => {
                let mut n = 1;
                while let Some(next) = op.prev {
                    n += 1;
                    op = next;
                }
                n
            }
            _ => 0,
        };
        let r = r?;
        let mut n = slots(r);
        let mut p = r.prev;
        while let Some(rec) = p {
            n += 1 + slots(rec);
            p = rec.prev;
        }
        Some(n)
    }

    /// The adjoints of the `N` inputs after a sweep (the first `N` records).
    #[inline(always)]
    pub(super) fn adjoints<const N: usize>(&self) -> [T; N] {
        let mut g = [T::zero(); N];
        let mut r = self.inputs.get();
        for gi in g.iter_mut().rev() {
            let Some(rec) = r else { break };
            *gi = rec.adj.get();
            r = rec.prev;
        }
        g
    }
}
