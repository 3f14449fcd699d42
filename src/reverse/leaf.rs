//! The leaves of an expression: typed variables, array variables, constants, duals.

use core::marker::PhantomData;

use generic_array::{ConstArrayLength, GenericArray, IntoArrayLength};
use typenum::Const;

use super::Expr;
use crate::{Dual, Length, Scalar};

/// Adds `adj` to `g[i]`, where `i < bound` by construction; an index past the buffer (a
/// buffer shorter than the expression's, passed to [`Expr::backward`] by hand) is ignored.
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

/// Input `I` of `N`, with its index in the type: its adjoint lands in `grad[I]` with no
/// runtime index. Made by [`vars`](super::vars) on a tuple.
///
/// ```
/// use typegrad::reverse::{Expr, Var};
/// let y = Var::<f64, 1, 2>::new(3.0);
/// assert_eq!(y.powi(2).gradient().as_slice(), &[0.0, 6.0]);
/// ```
///
/// An index past the input count is a compile error (raised when the program is built:
/// `cargo check` does not evaluate it):
///
/// ```compile_fail,E0080
/// use typegrad::reverse::Var;
/// let y = Var::<f64, 2, 2>::new(3.0); // inputs are 0 and 1
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Var<T, const I: usize, const N: usize> {
    v: T,
}

impl<T: Scalar, const I: usize, const N: usize> Var<T, I, N> {
    /// Input `I` of `N` with value `v`.
    ///
    /// ```
    /// use typegrad::reverse::{Expr, Var};
    /// assert_eq!(Var::<f32, 0, 1>::new(2.0).value(), 2.0);
    /// ```
    #[inline(always)]
    pub fn new(v: T) -> Self {
        const {
            assert!(
                I < N,
                "Var::<T, I, N>: the variable index I must be less than the input count N"
            )
        };
        Var { v }
    }
}

impl<T: Scalar, const I: usize, const N: usize> Expr for Var<T, I, N>
where
    Const<N>: IntoArrayLength<ArrayLength: Length<T>>,
{
    type Scalar = T;
    type Len = ConstArrayLength<N>;
    type Buf = ConstArrayLength<N>;
    #[inline(always)]
    fn value(&self) -> T {
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

/// An input of `N` with a runtime index, so that all inputs of an array share one type
/// and loops over them work. Made by [`vars`](super::vars) on an array, which checks each
/// index once.
///
/// ```
/// use typegrad::reverse::{sum, vars, Expr};
/// let x = vars([1.0_f64, 2.0, 3.0]);
/// let s = sum(x.iter().map(|xi| xi.powi(2)));
/// assert_eq!(s.gradient().as_slice(), &[2.0, 4.0, 6.0]);
/// ```
#[derive(Clone, Copy, Debug)]
pub struct DynVar<T, const N: usize> {
    v: T,
    i: usize,
}

impl<T: Scalar, const N: usize> DynVar<T, N> {
    /// Input `i` of `N`, or `None` if `i >= N`.
    ///
    /// ```
    /// use typegrad::reverse::DynVar;
    /// assert!(DynVar::<f64, 2>::new(1.0, 1).is_some());
    /// assert!(DynVar::<f64, 2>::new(1.0, 2).is_none());
    /// ```
    #[inline(always)]
    pub fn new(v: T, i: usize) -> Option<Self> {
        (i < N).then_some(DynVar { v, i })
    }

    /// Input `i` of `N`, for callers that know `i < N`.
    #[inline(always)]
    pub(crate) fn new_unchecked(v: T, i: usize) -> Self {
        DynVar { v, i }
    }

    /// The input's index.
    ///
    /// ```
    /// use typegrad::reverse::vars;
    /// assert_eq!(vars([5.0_f64, 6.0])[1].index(), 1);
    /// ```
    #[inline(always)]
    pub fn index(&self) -> usize {
        self.i
    }
}

impl<T: Scalar, const N: usize> Expr for DynVar<T, N>
where
    Const<N>: IntoArrayLength<ArrayLength: Length<T>>,
{
    type Scalar = T;
    type Len = ConstArrayLength<N>;
    type Buf = ConstArrayLength<N>;
    #[inline(always)]
    fn value(&self) -> T {
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

/// A constant in an expression over `N` inputs: a plain scalar given where an operand of
/// [`mul_add`](super::Un::mul_add) is expected. Its reverse pass does nothing.
///
/// ```
/// use typegrad::reverse::{vars, Expr};
/// let (x,) = vars((2.0_f64,));
/// let e = x.mul_add(3.0, 1.0); // 3.0 and 1.0 become constants
/// assert_eq!((e.value(), e.gradient()[0]), (7.0, 3.0));
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Konst<T, N> {
    v: T,
    n: PhantomData<N>,
}

impl<T: Scalar, N: Length<T>> Konst<T, N> {
    #[inline(always)]
    pub(crate) fn new(v: T) -> Self {
        Konst { v, n: PhantomData }
    }
}

impl<T: Scalar, N: Length<T>> Expr for Konst<T, N> {
    type Scalar = T;
    type Len = N;
    type Buf = N;
    #[inline(always)]
    fn value(&self) -> T {
        self.v
    }
    #[inline(always)]
    fn backward<B: Length<T>>(&self, _: T, _: &mut GenericArray<T, B>) {}
    #[inline(always)]
    fn touches(_: usize) -> bool {
        false
    }
}

/// A dual is a leaf: its tangents are its gradient, so the result of
/// [`eval`](Expr::eval) can be used in later expressions.
///
/// ```
/// use typegrad::Dual;
/// use typegrad::reverse::{vars, Expr};
/// let (x, y) = vars((2.0_f64, 3.0));
/// let p: Dual<f64, _> = (x * y).eval(); // value 6, gradient (3, 2)
/// let e = p * x; // 6x... as a function of (x, y): x²y
/// assert_eq!(e.gradient().as_slice(), &[12.0, 4.0]);
/// ```
impl<T: Scalar, N: Length<T>> Expr for Dual<T, N> {
    type Scalar = T;
    type Len = N;
    type Buf = N;
    #[inline(always)]
    fn value(&self) -> T {
        Dual::value(self)
    }
    #[inline(always)]
    fn backward<B: Length<T>>(&self, adj: T, g: &mut GenericArray<T, B>) {
        for (s, t) in g.iter_mut().zip(self.tangent().iter()) {
            *s = *s + adj * *t;
        }
    }
    #[inline(always)]
    fn touches(_: usize) -> bool {
        false // a zero tangent would add ±0: start such slots at +0
    }
    #[inline(always)]
    fn eval(&self) -> Dual<T, N> {
        *self
    }
}
