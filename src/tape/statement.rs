//! Statement-level recording (Adept's design, with no heap): a reverse-mode expression over
//! tape variables is recorded as one record, with one operand per variable it names, its
//! partials computed by the expression's own monomorphized reverse pass.

use core::marker::PhantomData;

use generic_array::{GenericArray, IntoArrayLength, sequence::GenericSequence};
use num_traits::{Float, One, Zero};
use typenum::Const;

use super::Active;
use super::store::Store;
use crate::reverse::{Formula, Inputs, Scope, Set, VarArray};
use crate::rules::{Guard, chain};
use crate::{Length, Scalar};

/// Records one statement: a reverse-mode expression over tape variables, recorded as one
/// record whose partial derivatives the expression's own reverse pass computes.
///
/// `stmt!(a, b => expr)` makes the tape variables `a` and `b` (of type
/// [`Active`](crate::tape::Active)) leaves of a reverse-mode expression inside `expr`
/// (with [`Expr`](crate::reverse::Expr)'s methods and the operators, as with
/// [`vars!`](crate::vars)), and returns a tape variable holding the expression's value. An
/// operand can be any expression, named for the statement: `stmt!(s, a = x[i] => s * a)`.
/// Up to 12 operands may be listed; or one array of tape variables, which becomes an array of
/// leaves ([`VarArray`](crate::reverse::VarArray): `dot`, windows), for loops and [`sum`](crate::reverse::sum) inside the statement.
///
/// ```
/// use typegrad::tape::{self, stmt};
/// use typegrad::reverse::Expr;
///
/// let (v, g) = tape::gradient::<_, 8>(|[x, y]| {
///     let mut s = x;
///     for _ in 0..3 {
///         s = stmt!(s, x, y => (s * x + y).sin() * y); // a statement of three operands: 2 records
///     }
///     s
/// }, [0.5_f64, 2.0]).unwrap();
///
/// // The same steps, a record per operation of two variables: `s * x`, `+ y`, `* y`.
/// let (w, h) = tape::gradient::<_, 11>(|[x, y]| {
///     let mut s = x;
///     for _ in 0..3 {
///         s = (s * x + y).sin() * y;
///     }
///     s
/// }, [0.5_f64, 2.0]).unwrap();
/// assert_eq!(v, w);
/// assert!(g.iter().zip(&h).all(|(a, b)| (a - b).abs() < 1e-12));
/// ```
///
/// **Records.** A statement over `n ≥ 4` operands takes `1 + ⌈n/2⌉` records: its record and
/// one operand slot per two operands (a constant among them takes its place). Up to three
/// operands, it takes as many as operations of two variables over them: one less than the
/// number of variables among them (none for one variable, whose multiple it is, as an
/// operation of one variable records nothing). A statement of constants is a constant.
/// [`required`](crate::tape::required) and [`TapeError::Capacity`](crate::tape::TapeError)
/// count them exactly. A whole sum over an array is one statement:
///
/// ```
/// use typegrad::tape::{self, stmt, Active};
/// use typegrad::reverse::{sum, Expr};
///
/// fn rosenbrock<'t>(x: [Active<'t, f64>; 40]) -> Active<'t, f64> {
///     stmt!(x => sum(x.windows(2).map(|w| {
///         100.0 * (w[1] - w[0] * w[0]).powi(2) + (1.0 - w[0]).powi(2)
///     })))
/// }
/// // 40 inputs, and one statement over them: 1 + 40/2 records.
/// assert_eq!(tape::required(rosenbrock, [1.0; 40]), 61);
/// let (v, g) = tape::gradient::<_, 64>(rosenbrock, [1.0; 40]).unwrap();
/// assert_eq!((v, g), (0.0, [0.0; 40]));
/// let err = tape::gradient::<_, 60>(rosenbrock, [1.0; 40]).unwrap_err();
/// assert_eq!(err, tape::TapeError::Capacity { required: 61 });
/// ```
///
/// It works alike on a caller's [`Tape`](crate::tape::Tape), and in code generic over the
/// kind of tape ([`Store`]):
///
/// ```
/// use typegrad::tape::{self, stmt, Active, Store, Tape};
/// use typegrad::reverse::Expr;
/// fn step<'t, S: Store<f64>>(s: Active<'t, f64, S>, x: Active<'t, f64, S>) -> Active<'t, f64, S> {
///     stmt!(s, x => s.mul_add(x, 1.0).ln())
/// }
/// let mut t = Tape::<f64, 4>::new();
/// let (v, g) = tape::gradient_on(&mut t, |[x, y]| step(x, y), [2.0, 3.0]).unwrap();
/// assert_eq!((v, g), (7.0_f64.ln(), [3.0 / 7.0, 2.0 / 7.0]));
/// assert_eq!(t.len(), 3); // two inputs, one record
/// ```
///
/// **What the types check.** A statement's leaves belong to it: using one in another
/// statement, or keeping one after its statement (in a loop, say), is a compile error, and
/// so is mixing in variables of a [`vars!`](crate::vars) call, operands on two tapes, or an
/// expression with a [`bind`](crate::reverse::Expr::bind) placeholder left open.
///
/// ```compile_fail,E0277
/// use typegrad::tape::{self, stmt};
/// use typegrad::reverse::Expr;
/// let _ = tape::gradient::<_, 8>(|[x, y]| {
///     stmt!(a = x => stmt!(b = y => a * b) * a) // `a` in the inner statement
/// }, [1.0_f64, 2.0]);
/// ```
///
/// ```compile_fail,E0597
/// use typegrad::tape::{self, stmt};
/// use typegrad::reverse::Expr;
/// let _ = tape::gradient::<_, 8>(|[x]| {
///     let mut kept = None;
///     let mut s = x;
///     for _ in 0..2 {
///         s = stmt!(s => {
///             let old = kept.unwrap_or(s); // last step's leaf
///             kept = Some(s);
///             s * old
///         });
///     }
///     s
/// }, [1.0_f64]);
/// ```
///
/// Every operand must be a variable of one tape: a plain number is turned into a constant
/// first, `Active::constant(c)`.
#[macro_export]
macro_rules! stmt {
    ($($name:ident $(= $value:expr)?),+ $(,)? => $body:expr) => {{
        struct TypegradStatement;
        let brand = TypegradStatement;
        let operands = ($(&$crate::__stmt_operand!($name $(= $value)?),)+);
        let ($($name,)+) = $crate::tape::Operands::leaves(operands, &brand);
        $crate::tape::Operands::record(operands, &brand, $body)
    }};
}

/// An operand of [`stmt!`](crate::stmt): the named expression, or the variable of that name.
#[doc(hidden)]
#[macro_export]
macro_rules! __stmt_operand {
    ($name:ident) => {
        $name
    };
    ($name:ident = $value:expr) => {
        $value
    };
}

/// The brand of one [`stmt!`](crate::stmt)'s leaves: `B`, a type declared where the macro is
/// written, and `'s`, the lifetime of a value that lives as long as the statement, so that the
/// leaves of two statements never meet in one expression and never outlive their statement.
///
/// It names the set of the leaves' type (`reverse::Set<Statement<'s, B>>`), as a `vars!`
/// call's brand does:
///
/// ```
/// use typegrad::tape::{self, stmt, Statement};
/// use typegrad::reverse::{Formula, Set, Var};
/// type Leaf<'s, B> = Var<f64, 0, 1, Set<Statement<'s, B>>>;
/// fn square<'s, B>(a: Leaf<'s, B>) -> impl Formula<f64, Set<Statement<'s, B>>> {
///     a * a
/// }
/// let (v, g) = tape::gradient::<_, 2>(|[x]| stmt!(x => square(x)), [3.0]).unwrap();
/// assert_eq!((v, g), (9.0, [6.0]));
/// ```
pub struct Statement<'s, B>(PhantomData<(Invariant<'s>, fn() -> B)>);

/// A marker invariant in `'s`.
type Invariant<'s> = fn(&'s ()) -> &'s ();

pub(crate) mod sealed {
    pub trait Sealed {}
}

/// What [`stmt!`](crate::stmt) takes as operands, by reference: a tuple of 1 to 12 tape
/// variables of one tape (the leaves have their index in their type,
/// [`Var`](crate::reverse::Var)), or a tuple of one array of them (leaves with runtime
/// indices, [`DynVar`](crate::reverse::DynVar)). The macro makes the tuple; you name this trait only in bounds.
///
/// ```
/// use typegrad::tape::{self, Active, Operands};
/// fn count<'t, O: Operands<'t>>(_: O) -> usize {
///     <<O::Values as typegrad::reverse::Inputs>::Len as typegrad::typenum::Unsigned>::USIZE
/// }
/// let _ = tape::gradient::<_, 4>(|[x, y]| {
///     assert_eq!((count((&x, &y)), count((&[x, y, x],))), (2, 3));
///     x
/// }, [1.0_f64, 2.0]);
/// ```
#[diagnostic::on_unimplemented(
    message = "`stmt!` takes tape variables of one tape: up to 12 of them, or one array",
    label = "not tape variables of one tape, or more than 12",
    note = "list up to 12 variables (`stmt!(a, b = x[i] => …)`), or pass them in one array"
)]
pub trait Operands<'t>: sealed::Sealed + Copy {
    /// The number type.
    type Scalar: Scalar;
    /// The kind of tape.
    type Store: Store<Self::Scalar> + 't;
    /// The operands' values, which become the leaves.
    type Values: Inputs<Scalar = Self::Scalar>;
    /// The leaves, in the statement's set (`'s`, `B`: see [`Statement`]).
    type Leaves<'s, B>
    where
        B: 's;
    /// The operands as an array.
    #[doc(hidden)]
    type Array: AsRef<[Active<'t, Self::Scalar, Self::Store>]>;

    /// The leaves of a statement over these operands, branded by `brand`.
    #[doc(hidden)]
    fn leaves<'s, B>(self, brand: &'s B) -> Self::Leaves<'s, B>;

    /// The operands as an array.
    #[doc(hidden)]
    fn array(self) -> Self::Array;

    /// Records `e`, an expression over the leaves branded by `brand`, as one statement.
    #[doc(hidden)]
    #[inline(always)]
    fn record<'s, B, E>(self, _brand: &'s B, e: E) -> Active<'t, Self::Scalar, Self::Store>
    where
        E: Formula<Self::Scalar, Set<Statement<'s, B>>>,
    {
        // The reverse pass writes the derivatives in the operands first, then any scratch
        // slots of `bind`s: only the leaves carry the statement's set, and every node over them
        // has their length.
        let mut g = GenericArray::<Self::Scalar, E::Buf>::generate(|i| {
            if E::touches(i) {
                Self::Scalar::neg_zero()
            } else {
                Self::Scalar::zero()
            }
        });
        let v = e.val_and_backward(Self::Scalar::one(), &mut g);
        record(self.array().as_ref(), &g, v)
    }
}

/// The leaves of a statement whose operands have the values `x`, branded by `'s` and `B`.
#[inline(always)]
fn leaves<'s, B, X: Inputs>(x: X, _: &'s B) -> X::Vars<Set<Statement<'s, B>>> {
    Scope::new(Statement::<'s, B>(PhantomData)).vars(x)
}

/// The tape variable of a statement with value `v` over the operands `ops`, in which its
/// derivatives are `g`: a constant, a multiple of one operand's record, or a new record.
#[inline(always)]
fn record<'t, T: Scalar, S: Store<T>>(ops: &[Active<'t, T, S>], g: &[T], v: T) -> Active<'t, T, S> {
    let Some(tape) = ops.iter().find_map(|x| x.tape) else {
        return Active::constant(v);
    };
    // Each operand's partial: the statement's derivative in it times its multiplier (for a
    // constant, whose record is none, zero).
    let partial = |(x, &d): (&Active<'t, T, S>, &T)| (x.i, chain(Guard(d), x.s));
    let i = if ops.len() > 3 {
        let none = (S::NONE, T::zero());
        // Operands two at a time, by index over a range (a zip of two `chunks` iterators was
        // left out of line by the optimizer in one build, a call per pair of operands).
        let at = |j: usize| ops.get(j).zip(g.get(j)).map_or(none, partial);
        let pairs = (0..ops.len().div_ceil(2)).map(|k| [at(2 * k), at(2 * k + 1)]);
        tape.statement(ops.len(), pairs)
    } else {
        // Up to three operands: the variables among them as operations of two variables.
        let is_variable = |(x, _): &(&Active<'t, T, S>, &T)| x.tape.is_some();
        let mut vars = ops.iter().zip(g).filter(is_variable).map(partial);
        match (vars.next(), vars.next(), vars.next()) {
            (Some((a, da)), Some((b, db)), None) => tape.record(a, da, b, db),
            (Some((a, da)), Some((b, db)), Some((c, dc))) => {
                let ab = tape.record(a, da, b, db);
                tape.record(ab, T::one(), c, dc)
            }
            (Some((i, d)), None, _) => return Active::at(v, d, i, Some(tape)),
            (None, _, _) => return Active::constant(v),
        }
    };
    Active::at(v, T::one(), i, Some(tape))
}

macro_rules! tuple_operands {
    ($n:literal: $($i:tt)+) => {
        impl<'t, T: Scalar, S: Store<T>> sealed::Sealed for ($(tuple_operands!(@A $i),)+) {}
        impl<'t, T: Scalar, S: Store<T> + 't> Operands<'t> for ($(tuple_operands!(@A $i),)+) {
            type Scalar = T;
            type Store = S;
            type Values = ($(tuple_operands!(@T $i),)+);
            type Leaves<'s, B> = <Self::Values as Inputs>::Vars<Set<Statement<'s, B>>> where B: 's;
            type Array = [Active<'t, T, S>; $n];
            #[inline(always)]
            fn leaves<'s, B>(self, brand: &'s B) -> Self::Leaves<'s, B> {
                leaves(($(self.$i.v,)+), brand)
            }
            #[inline(always)]
            fn array(self) -> Self::Array {
                [$(*self.$i),+]
            }
        }
    };
    (@A $i:tt) => { &Active<'t, T, S> };
    (@T $i:tt) => { T };
}
tuple_operands!(1: 0);
tuple_operands!(2: 0 1);
tuple_operands!(3: 0 1 2);
tuple_operands!(4: 0 1 2 3);
tuple_operands!(5: 0 1 2 3 4);
tuple_operands!(6: 0 1 2 3 4 5);
tuple_operands!(7: 0 1 2 3 4 5 6);
tuple_operands!(8: 0 1 2 3 4 5 6 7);
tuple_operands!(9: 0 1 2 3 4 5 6 7 8);
tuple_operands!(10: 0 1 2 3 4 5 6 7 8 9);
tuple_operands!(11: 0 1 2 3 4 5 6 7 8 9 10);
tuple_operands!(12: 0 1 2 3 4 5 6 7 8 9 10 11);

impl<'t, T: Scalar, S: Store<T>, const N: usize> sealed::Sealed for (&[Active<'t, T, S>; N],) {}
impl<'a, 't, T: Scalar, S: Store<T> + 't, const N: usize> Operands<'t>
    for (&'a [Active<'t, T, S>; N],)
where
    Const<N>: IntoArrayLength<ArrayLength: Length<T>>,
{
    type Scalar = T;
    type Store = S;
    type Values = [T; N];
    type Leaves<'s, B>
        = (VarArray<T, N, Set<Statement<'s, B>>>,)
    where
        B: 's;
    type Array = &'a [Active<'t, T, S>; N];
    #[inline(always)]
    fn leaves<'s, B>(self, brand: &'s B) -> Self::Leaves<'s, B> {
        (leaves(self.0.map(|x| x.v), brand),)
    }
    #[inline(always)]
    fn array(self) -> Self::Array {
        self.0
    }
}
