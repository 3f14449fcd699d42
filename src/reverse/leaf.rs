//! The leaves of an expression: typed variables, array variables, constants, and evaluated
//! subexpressions. Each carries its set's brand `S`.

use core::marker::PhantomData;

use generic_array::{ConstArrayLength, GenericArray, IntoArrayLength};
use typenum::Const;

use super::Node;
use super::node::node_traits;

use crate::{Dual, Length, Scalar};

/// Adds `adj` to `g[i]`, where `i < bound` by construction; an index past the buffer (a
/// buffer shorter than the expression's, passed to [`Node::backward`] by hand) is ignored.
///
/// When the buffer is a power of two long and covers `bound`, masking the index says so to
/// the compiler, which then drops the range check; both conditions are known at compile time.
#[inline(always)]
pub(crate) fn accumulate<T: Scalar, B: Length<T>>(
    g: &mut GenericArray<T, B>,
    i: usize,
    bound: usize,
    adj: T,
) {
    let len = B::USIZE;
    let i = if len.is_power_of_two() && len >= bound {
        i & (len - 1)
    } else {
        i
    };
    if let Some(s) = g.get_mut(i) {
        *s = *s + adj;
    }
}

/// Adds `adj · p` to the slots of `g` in order, one partial `p` per slot from the first: the
/// reverse pass of a leaf that carries its gradient (or a row of constants) with it.
#[inline(always)]
pub(crate) fn scatter<T: Scalar, B: Length<T>>(
    g: &mut GenericArray<T, B>,
    adj: T,
    partials: impl IntoIterator<Item = T>,
) {
    for (s, p) in g.iter_mut().zip(partials) {
        *s = *s + adj * p;
    }
}

/// Input `I` of `N` in set `S`, with its index in the type: its adjoint lands in `grad[I]`
/// with no runtime index. Made by [`vars!`](crate::vars) on a tuple.
///
/// ```
/// use typegrad::reverse::{vars, Expr};
/// let (_x, y) = vars!((1.0_f64, 3.0));
/// assert_eq!(y.powi(2).gradient().as_slice(), &[0.0, 6.0]);
/// ```
pub struct Var<T, const I: usize, const N: usize, S> {
    v: T,
    set: super::Phantom<S>,
}

impl<T: Scalar, const I: usize, const N: usize, S> Var<T, I, N, S> {
    /// Input `I` of `N` with value `v`.
    #[inline(always)]
    pub(crate) fn new(v: T) -> Self {
        const {
            assert!(
                I < N,
                "Var: the variable index I must be less than the input count N"
            )
        };
        Var {
            v,
            set: PhantomData,
        }
    }
}

impl<T: Scalar, const I: usize, const N: usize, S> Node for Var<T, I, N, S>
where
    Const<N>: IntoArrayLength<ArrayLength: Length<T>>,
{
    type Scalar = T;
    type Len = ConstArrayLength<N>;
    type Buf = ConstArrayLength<N>;
    type Set = S;
    type Holes = ();
    type Budget = super::Fresh;
    #[inline(always)]
    fn val(&self) -> T {
        self.v
    }
    #[inline(always)]
    fn backward<B: Length<T>>(&self, adj: T, g: &mut GenericArray<T, B>) {
        accumulate(g, I, N, adj);
    }
    #[inline(always)]
    fn touches(i: usize) -> bool {
        i == I
    }
}

node_traits!(copy [T: Copy + core::fmt::Debug, const I: usize, const N: usize, S] Var<T, I, N, S> where [],
    |s, f| f.debug_struct("Var").field("value", &s.v).field("index", &I).finish());

/// An input of `N` in set `S` with its index as a value, so that all inputs of an array share
/// one type and loops over them work. A [`VarArray`](super::VarArray) (what
/// [`vars!`](crate::vars) makes of an array) holds them.
///
/// ```
/// use typegrad::reverse::{sum, vars, Expr};
/// let x = vars!([1.0_f64, 2.0, 3.0]);
/// let s = sum(x.iter().map(|xi| xi.powi(2)));
/// assert_eq!(s.gradient().as_slice(), &[2.0, 4.0, 6.0]);
/// ```
pub struct DynVar<T, const N: usize, S> {
    v: T,
    i: usize,
    set: super::Phantom<S>,
}

impl<T: Scalar, const N: usize, S> DynVar<T, N, S> {
    /// Input `i` of `N`, for callers that know `i < N`.
    #[inline(always)]
    pub(crate) fn new(v: T, i: usize) -> Self {
        DynVar {
            v,
            i,
            set: PhantomData,
        }
    }

    /// The input's index.
    ///
    /// ```
    /// use typegrad::reverse::vars;
    /// let x = vars!([5.0_f64, 6.0]);
    /// assert_eq!(x[1].index(), 1);
    /// ```
    #[inline(always)]
    pub fn index(&self) -> usize {
        self.i
    }
}

impl<T: Scalar, const N: usize, S> Node for DynVar<T, N, S>
where
    Const<N>: IntoArrayLength<ArrayLength: Length<T>>,
{
    type Scalar = T;
    type Len = ConstArrayLength<N>;
    type Buf = ConstArrayLength<N>;
    type Set = S;
    type Holes = ();
    type Budget = super::Fresh;
    #[inline(always)]
    fn val(&self) -> T {
        self.v
    }
    #[inline(always)]
    fn backward<B: Length<T>>(&self, adj: T, g: &mut GenericArray<T, B>) {
        accumulate(g, self.i, N, adj);
    }
    #[inline(always)]
    fn touches(_: usize) -> bool {
        false // not known from the type
    }
}

node_traits!(copy [T: Copy + core::fmt::Debug, const N: usize, S] DynVar<T, N, S> where [],
    |s, f| f.debug_struct("DynVar").field("value", &s.v).field("index", &s.i).finish());

/// A constant in an expression over `N` inputs of set `S`: a plain scalar given where an
/// operand of [`mul_add`](super::Expr::mul_add) is expected. Its reverse pass does nothing.
///
/// ```
/// use typegrad::reverse::{vars, Expr};
/// let (x,) = vars!((2.0_f64,));
/// let e = x.mul_add(3.0, 1.0); // 3.0 and 1.0 become constants
/// assert_eq!((e.value(), e.gradient()[0]), (7.0, 3.0));
/// ```
pub struct Konst<T, N, S> {
    v: T,
    n: super::Phantom<(N, S)>,
}

impl<T: Scalar, N: Length<T>, S> Konst<T, N, S> {
    #[inline(always)]
    pub(crate) fn new(v: T) -> Self {
        Konst { v, n: PhantomData }
    }
}

impl<T: Scalar, N: Length<T>, S> Node for Konst<T, N, S> {
    type Scalar = T;
    type Len = N;
    type Buf = N;
    type Set = S;
    type Holes = ();
    type Budget = super::Fresh;
    #[inline(always)]
    fn val(&self) -> T {
        self.v
    }
    #[inline(always)]
    fn backward<B: Length<T>>(&self, _: T, _: &mut GenericArray<T, B>) {}
    #[inline(always)]
    fn touches(_: usize) -> bool {
        false
    }
}

node_traits!(copy [T: Copy + core::fmt::Debug, N, S] Konst<T, N, S> where [],
    |s, f| f.debug_struct("Konst").field("value", &s.v).finish());

/// An expression collapsed by [`eval`](super::Expr::eval): its value and gradient, as a
/// leaf of later expressions over the same set. Store it, loop, branch, and reuse it without
/// walking the tree it came from again.
///
/// ```
/// use typegrad::reverse::{vars, Expr};
/// let (x, y) = vars!((2.0_f64, 3.0));
/// let p = (x * y).eval(); // value 6, gradient (3, 2)
/// let e = p * x; // x²y
/// assert_eq!(e.gradient().as_slice(), &[12.0, 4.0]);
/// assert_eq!(p.dual().tangent().as_slice(), &[3.0, 2.0]);
/// ```
pub struct Evaluated<T, N: generic_array::ArrayLength, S> {
    d: Dual<T, N>,
    set: super::Phantom<S>,
}

impl<T: Copy, N: Length<T>, S> Clone for Evaluated<T, N, S> {
    #[inline(always)]
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Copy, N: Length<T>, S> Copy for Evaluated<T, N, S> {}

impl<T: Scalar, N: Length<T>, S> Evaluated<T, N, S> {
    #[inline(always)]
    pub(crate) fn new(d: Dual<T, N>) -> Self {
        Evaluated {
            d,
            set: PhantomData,
        }
    }

    /// The value and gradient as a [`Dual`].
    ///
    /// ```
    /// use typegrad::reverse::{vars, Expr};
    /// let (x,) = vars!((2.0_f64,));
    /// assert_eq!(x.powi(3).eval().dual().tangent()[0], 12.0);
    /// ```
    #[inline(always)]
    pub fn dual(&self) -> Dual<T, N> {
        self.d
    }
}

impl<T: Scalar, N: Length<T>, S> Node for Evaluated<T, N, S> {
    type Scalar = T;
    type Len = N;
    type Buf = N;
    type Set = S;
    type Holes = ();
    type Budget = super::Fresh;
    #[inline(always)]
    fn val(&self) -> T {
        self.d.value()
    }
    #[inline(always)]
    fn backward<B: Length<T>>(&self, adj: T, g: &mut GenericArray<T, B>) {
        scatter(g, adj, self.d.tangent().iter().copied());
    }
    #[inline(always)]
    fn touches(_: usize) -> bool {
        false // a zero tangent would add ±0: start such slots at +0
    }
}

node_traits!([T: Scalar, N: Length<T>, S] Evaluated<T, N, S> where [],
    |s, f| f.debug_struct("Evaluated").field("value", &s.d).finish());
