//! Sets of variables and their brands: each `vars!` call makes variables of a type no
//! other call shares, so two sets never meet in one expression.

use core::marker::PhantomData;

use super::Inputs;
use super::api::token::Token;

/// Makes variables of plain inputs, as a new set that no other call's variables can join:
/// `let (x, y) = vars!((1.0_f64, 2.0));`. A tuple of 1 to 12 inputs gives variables with
/// their index in the type; an array gives a [`VarArray`](crate::reverse::VarArray), variables
/// of one type whose positions are their indices.
///
/// ```
/// use typegrad::reverse::{vars, Expr};
/// let (x, y, z) = vars!((1.0_f64, 2.0, 3.0));
/// assert_eq!(((2.0 * x + y) * z).gradient().as_slice(), &[6.0, 3.0, 4.0]);
/// let w = vars!([1.0_f64, 2.0]); // an array of variables
/// assert_eq!((w[0] * w[1]).gradient().as_slice(), &[2.0, 1.0]);
/// ```
///
/// Each call brands its variables with a type of its own, declared where the macro is
/// written: variables of two calls, of any sizes, do not mix in one expression (a compile
/// error at the mixing line, see [`SameSet`](crate::reverse::SameSet)).
///
/// ```compile_fail,E0277
/// use typegrad::reverse::{vars, Expr};
/// let (x, y) = vars!((1.0_f64, 2.0));
/// let (a, b) = vars!((3.0_f64, 4.0));
/// let e = x * a + y * b; // two sets: an error
/// ```
///
/// The brand belongs to the place in the source, so the one rule the types cannot check is
/// about a call that runs more than once: keep each run's variables to that run. A loop that
/// makes a set per iteration must not use one iteration's variables (or expressions built
/// from them) in the next, and a function that makes a set must not return its variables to
/// a caller that calls it again and mixes the two results; return values and gradients (or
/// make one set outside the loop). The brand is a plain type, not a lifetime: a lifetime in
/// every node made rustc's borrow checker take 2.3 s of a 3.9 s build for a 64-operation
/// chain, and built chains 3 to 5 times slower.
#[macro_export]
macro_rules! vars {
    ($x:expr) => {{
        #[derive(Clone, Copy)]
        struct Brand;
        $crate::reverse::Scope::new(Brand).vars($x)
    }};
}

/// What a [`vars!`](crate::vars) call makes its variables with: made by the macro, with a
/// type declared at the call site. Use the macro.
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct Scope<C>(PhantomData<C>);

impl<C> Scope<C> {
    /// A scope branded by the type `C` (a type unique to the macro's call site).
    #[doc(hidden)]
    #[inline(always)]
    pub fn new(_: C) -> Self {
        Scope(PhantomData)
    }

    /// The inputs as variables of this scope's set.
    #[doc(hidden)]
    #[inline(always)]
    pub fn vars<X: Inputs>(self, x: X) -> X::Vars<Set<C>> {
        x.vars(Token(()))
    }
}

/// The brand of the variables of one [`vars!`](crate::vars) call: a type `C` declared at
/// the call site.
///
/// ```
/// use typegrad::reverse::{vars, Expr};
/// let (x,) = vars!((1.0_f64,));
/// let _ = x.exp(); // x: Var<f64, 0, 1, Set<Brand>>
/// ```
pub struct Set<C>(PhantomData<C>);

impl<C: Copy> Clone for Set<C> {
    #[inline(always)]
    fn clone(&self) -> Self {
        *self
    }
}
impl<C: Copy> Copy for Set<C> {}

/// The brand of the variables a closure form ([`gradient`](super::gradient),
/// [`hessian`](super::hessian), [`hvp`](super::hvp)) passes to its closure, over `N`
/// inputs. Variables of a `vars!` call never join them; the closure receives the only set
/// of its call (do not capture one closure form's variables in another of the same size).
///
/// ```
/// use typegrad::reverse;
/// let (v, g) = reverse::gradient(|(x, y)| x * y, (2.0_f64, 3.0));
/// assert_eq!((v, g), (6.0, [3.0, 2.0]));
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Call<N>(PhantomData<N>);
