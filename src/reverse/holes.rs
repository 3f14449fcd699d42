//! The placeholders an expression uses, at the type level, so that a placeholder used
//! outside its `bind` body, and a nested `bind` that would share an enclosing placeholder's
//! slot, are compile errors.
//!
//! An expression without placeholders or binds has `Holes = ()`, which joins with `()` at
//! no cost. Otherwise `Holes<O, C, D>` holds two bit sets over scratch slots, counted from
//! the first slot past the inputs: `O`, the placeholders still open (used, and not yet
//! closed by their `bind`), and `C`, the slots that binds inside the expression have
//! closed; and `D`, the number of scratch slots the expression uses (its buffer's length
//! past the inputs). The bit of slot `d` comes from a table ([`Pow2`]), not from typenum's
//! shifts, whose recursion rustc cannot bound while a slot is still being inferred.

use core::ops::{BitAnd, BitOr, Sub};

use typenum::{Add1, And, Diff, Max, Maximum, Or, U0, UTerm};

/// Open placeholders `O` and closed slots `C`, as bit sets, and `D` scratch slots.
///
/// ```
/// use typegrad::reverse::Holes;
/// use typegrad::typenum::{U0, U1};
/// let _: Option<Holes<U1, U0, U1>> = None; // the first scratch slot is open
/// ```
pub struct Holes<O, C, D>(super::Phantom<(O, C, D)>);

/// The placeholders of two expressions joined in one node.
///
/// ```
/// use typegrad::reverse::{Holes, Merged};
/// use typegrad::typenum::{U0, U1, U2, U3};
/// let _: Option<Merged<Holes<U1, U0, U1>, Holes<U2, U0, U2>>> = None::<Holes<U3, U0, U2>>;
/// let _: Option<Merged<(), ()>> = None::<()>;
/// ```
pub trait Merge<H> {
    /// The joined placeholders.
    type Out: Depth;
}
/// The placeholders of a node over two expressions with placeholders `A` and `B`.
///
/// ```
/// use typegrad::reverse::{Holes, Merged};
/// use typegrad::typenum::{U0, U1};
/// // No placeholders on either side, or one open placeholder on one side:
/// let _: Option<Merged<(), ()>> = None::<()>;
/// let _: Option<Merged<Holes<U1, U0, U1>, ()>> = None::<Holes<U1, U0, U1>>;
/// ```
pub type Merged<A, B> = <A as Merge<B>>::Out;

impl Merge<()> for () {
    type Out = ();
}
impl<O, C, D> Merge<Holes<O, C, D>> for () {
    type Out = Holes<O, C, D>;
}
impl<O, C, D> Merge<()> for Holes<O, C, D> {
    type Out = Holes<O, C, D>;
}
impl<O1, C1, D1, O2, C2, D2> Merge<Holes<O2, C2, D2>> for Holes<O1, C1, D1>
where
    O1: BitOr<O2>,
    C1: BitOr<C2>,
    D1: Max<D2>,
{
    type Out = Holes<Or<O1, O2>, Or<C1, C2>, Maximum<D1, D2>>;
}

/// An expression with no placeholder left open: what a gradient, `eval` and the closure
/// forms require.
///
/// ```
/// use typegrad::reverse::{Closed, Holes};
/// use typegrad::typenum::{U0, U3, U4};
/// fn closed<H: Closed>() {}
/// closed::<()>();
/// closed::<Holes<U0, U4, U3>>(); // a bind inside closed its slot
/// ```
///
/// A placeholder moved out of its body leaves the expression open:
///
/// ```compile_fail,E0277
/// use typegrad::reverse::{vars, Expr};
/// let (x, y) = vars!((2.0_f64, 0.25));
/// let mut out = None;
/// let _inner = (x * y).bind(|a| {
///     out = Some(a);
///     a.sin()
/// });
/// let bad = out.unwrap() * x;
/// let _ = bad.gradient(); // the placeholder is outside its body
/// ```
#[diagnostic::on_unimplemented(
    message = "this expression uses a `bind` placeholder outside its body",
    label = "a placeholder of `e.bind(|a| …)` reached this expression",
    note = "a placeholder's adjoint is collected by its own `bind`: use `a` only inside the closure, and `e` (or `e.eval()`) outside it",
    note = "in generic code, bound the expression with `Formula<T, S>` (or `Holes: Closed`)"
)]
pub trait Closed {}
impl Closed for () {}
impl<C, D> Closed for Holes<UTerm, C, D> {}

/// The scratch slots an expression with placeholders `H` uses: `D`, or none.
///
/// ```
/// use typegrad::reverse::{Depth, Holes};
/// use typegrad::typenum::{U0, U2, U3};
/// let _: Option<<Holes<U0, U3, U2> as Depth>::Out> = None::<U2>;
/// let _: Option<<() as Depth>::Out> = None::<U0>;
/// ```
pub trait Depth {
    /// The number of scratch slots.
    type Out;
}
impl Depth for () {
    type Out = U0;
}
impl<O, C, D> Depth for Holes<O, C, D> {
    type Out = D;
}

/// The placeholders of a `bind`'s placeholder over an expression with `D` scratch slots:
/// the next one, open.
pub type HoleHoles<D> = Holes<Bit<D>, U0, Add1<D>>;

/// The bit of scratch slot `d`.
pub type Bit<D> = <D as Pow2>::Out;

/// `2ᵈ` for a scratch slot `d`, from a table: up to 64 binds nested in one expression.
///
/// ```
/// use typegrad::reverse::Pow2;
/// use typegrad::typenum::{U3, U8};
/// let _: Option<<U3 as Pow2>::Out> = None::<U8>;
/// ```
#[diagnostic::on_unimplemented(
    message = "more than 64 `bind`s nested in one expression",
    note = "collapse part of the expression with `.eval()`"
)]
pub trait Pow2 {
    /// `2ᵈ`.
    type Out;
}

macro_rules! pow2 {
    ($($d:ident $p:ident),*) => {$(
        impl Pow2 for typenum::$d {
            type Out = typenum::$p;
        }
    )*};
}
pow2!(
    U0 U1, U1 U2, U2 U4, U3 U8, U4 U16, U5 U32, U6 U64, U7 U128, U8 U256, U9 U512,
    U10 U1024, U11 U2048, U12 U4096, U13 U8192, U14 U16384, U15 U32768, U16 U65536,
    U17 U131072, U18 U262144, U19 U524288, U20 U1048576, U21 U2097152, U22 U4194304,
    U23 U8388608, U24 U16777216, U25 U33554432, U26 U67108864, U27 U134217728,
    U28 U268435456, U29 U536870912, U30 U1073741824, U31 U2147483648, U32 U4294967296,
    U33 U8589934592, U34 U17179869184, U35 U34359738368, U36 U68719476736,
    U37 U137438953472, U38 U274877906944, U39 U549755813888, U40 U1099511627776,
    U41 U2199023255552, U42 U4398046511104, U43 U8796093022208, U44 U17592186044416,
    U45 U35184372088832, U46 U70368744177664, U47 U140737488355328,
    U48 U281474976710656, U49 U562949953421312, U50 U1125899906842624,
    U51 U2251799813685248, U52 U4503599627370496, U53 U9007199254740992,
    U54 U18014398509481984, U55 U36028797018963968, U56 U72057594037927936,
    U57 U144115188075855872, U58 U288230376151711744, U59 U576460752303423488,
    U60 U1152921504606846976, U61 U2305843009213693952, U62 U4611686018427387904,
    U63 U9223372036854775808
);

/// What a `bind` leaves of its body's placeholders `Self`: its own placeholder `M` closed
/// and recorded, the others still open. A nested bind that closed the same slot (a bind,
/// inside this body, on an expression not built from this placeholder) would have mixed
/// the adjoints of two placeholders: that is a compile error here.
///
/// ```
/// use typegrad::reverse::{Close, Holes};
/// use typegrad::typenum::{U0, U1};
/// // A body with placeholder 0 open: its bind closes it and records slot 0 as taken.
/// let _: Option<<Holes<U1, U0, U1> as Close<U1>>::Out> = None::<Holes<U0, U1, U1>>;
/// ```
pub trait Close<M> {
    /// The placeholders after the bind.
    type Out: Depth;
}

impl<M> Close<M> for () {
    type Out = ();
}

impl<O, C, D, M> Close<M> for Holes<O, C, D>
where
    O: BitAnd<M> + Sub<And<O, M>>,
    C: BitAnd<M, Output: SlotFree> + BitOr<M>,
{
    type Out = Holes<Diff<O, And<O, M>>, Or<C, M>, D>;
}

/// A slot no nested bind has taken: the empty bit set (`typenum`'s `UTerm`).
///
/// ```
/// use typegrad::reverse::SlotFree;
/// use typegrad::typenum::{U0, U1};
/// fn free<S: SlotFree>() {}
/// free::<U0>(); // no slot in common
/// ```
///
/// ```compile_fail
/// use typegrad::reverse::SlotFree;
/// use typegrad::typenum::U1;
/// fn free<S: SlotFree>() {}
/// free::<U1>(); // slot 0 taken twice
/// ```
#[diagnostic::on_unimplemented(
    message = "a `bind` nested in this `bind`'s body takes the same scratch slot as its placeholder",
    label = "the nested bind is on an expression not built from this placeholder",
    note = "bind that expression outside this body (or build it from the placeholder, or use `.eval()`)"
)]
pub trait SlotFree {}
impl SlotFree for UTerm {}
