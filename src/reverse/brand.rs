//! Sets of variables and their brands: each `vars!` call makes variables of a type no
//! other call shares, so two sets never meet in one expression.

use core::marker::PhantomData;

use super::Inputs;
use super::api::token::Token;

/// Makes variables of plain inputs, as a new set that no other call's variables can join:
/// `vars!(let (x, y) = (1.0_f64, 2.0));` binds `x` and `y`. A tuple of 1 to 12 inputs gives
/// variables with their index in the type; an array gives an array of variables with
/// runtime indices.
///
/// ```
/// use typegrad::reverse::{vars, Expr};
/// vars!(let (x, y, z) = (1.0_f64, 2.0, 3.0));
/// assert_eq!(((2.0 * x + y) * z).gradient().as_slice(), &[6.0, 3.0, 4.0]);
/// vars!(let w = [1.0_f64, 2.0]); // an array of variables
/// assert_eq!((w[0] * w[1]).gradient().as_slice(), &[2.0, 1.0]);
/// ```
///
/// Each call brands its variables with a type of its own (made at the call site) and with
/// the lifetime of the block it is in: variables of two calls, of any sizes, do not mix in
/// one expression (a compile error at the mixing line, see
/// [`SameSet`](crate::reverse::SameSet)), and variables cannot leave their block, so a loop
/// that makes a set per iteration cannot carry one iteration's variables into the next, nor
/// can a function return them (a borrow error). Pass results out as values and gradients, or
/// as [`eval`](crate::reverse::Expr::eval)ed expressions within the block.
///
/// ```compile_fail,E0277
/// use typegrad::reverse::{vars, Expr};
/// vars!(let (x, y) = (1.0_f64, 2.0));
/// vars!(let (a, b) = (3.0_f64, 4.0));
/// let e = x * a + y * b; // two sets: an error
/// ```
///
/// ```compile_fail,E0597
/// use typegrad::reverse::{vars, Expr};
/// let mut previous = None;
/// for i in 0..2 {
///     vars!(let (x,) = (i as f64,));
///     if let Some(p) = previous {
///         let _ = x * p; // last iteration's variable: an error
///     }
///     previous = Some(x);
/// }
/// ```
#[macro_export]
macro_rules! vars {
    (let $p:pat = $x:expr) => {
        let __typegrad_scope = $crate::reverse::Scope::new(|| ());
        let $p = __typegrad_scope.vars($x);
    };
}

/// What a [`vars!`](crate::vars) call binds its variables to: made by the macro, with the
/// type of a closure written at the call site. Use the macro.
#[doc(hidden)]
pub struct Scope<C>(PhantomData<C>);

impl<C> Scope<C> {
    /// A scope branded by the type `C` (a closure type unique to the macro's call site).
    #[doc(hidden)]
    #[inline(always)]
    pub fn new(_: C) -> Self {
        Scope(PhantomData)
    }

    /// The inputs as variables of this scope's set.
    #[doc(hidden)]
    #[inline(always)]
    pub fn vars<'s, X: Inputs>(&'s self, x: X) -> X::Vars<Set<'s, C>> {
        x.vars(Token(()))
    }
}

/// The brand of the variables of one [`vars!`](crate::vars) call: the call site's own type
/// `C` and the lifetime `'s` of the block the call is in (invariant, so it never stretches
/// to meet another).
///
/// ```
/// use typegrad::reverse::{vars, Expr};
/// vars!(let (x,) = (1.0_f64,));
/// let _ = x.exp(); // x: Var<f64, 0, 1, Set<'_, {closure}>>
/// ```
pub struct Set<'s, C>(PhantomData<(Invariant<'s>, C)>);

/// A marker invariant in `'s`: `'s` never stretches or shrinks to meet another lifetime.
type Invariant<'s> = fn(&'s ()) -> &'s ();

impl<C: Copy> Clone for Set<'_, C> {
    #[inline(always)]
    fn clone(&self) -> Self {
        *self
    }
}
impl<C: Copy> Copy for Set<'_, C> {}

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
