//! Operators on expressions (with expressions, plain `f32`/`f64` on either side, and duals
//! on the left), and [`Operand`], the argument of binary methods such as `powf`.

use core::ops::{Add, Div, Mul, Neg, Rem, Sub};

use super::Expr;
use super::bind::{Bind, Hole};
use super::leaf::{DynVar, Konst, Var};
use super::node::{Bin, Fma, Un};
use super::shape::{Join, Joined, ShapeOf};
use super::sum::Sum;
use crate::rules::{self, Binary, Right};
use crate::{Dual, Length, Scalar};

/// The argument of a binary method (`powf`, `atan2`, `hypot`, `max`, `min`, `log`,
/// `copysign`, `abs_sub`, `mul_add`): an expression, or a plain `f32`/`f64` constant.
///
/// With a constant, the node computes only the partial it needs (`x.powf(2.5)` takes no
/// logarithm).
///
/// ```
/// use typegrad::reverse::{vars, Expr};
/// let (x, y) = vars((4.0_f64, 0.5));
/// assert_eq!(x.powf(0.5).gradient().as_slice(), &[0.25, 0.0]); // constant exponent
/// assert_eq!(x.powf(y).gradient()[1], 2.0 * 4.0_f64.ln()); // expression exponent
/// ```
///
/// An argument over a different number of inputs, or over another scalar type, is a
/// compile error ("these expressions are over different numbers of inputs"):
///
/// ```compile_fail,E0277
/// use typegrad::reverse::{vars, Expr};
/// let (x, _y) = vars((4.0_f64, 0.5));
/// let (z,) = vars((2.0_f64,));
/// let _ = x.powf(z); // two inputs and one input
/// ```
///
/// ```compile_fail,E0271
/// use typegrad::reverse::{vars, Expr};
/// let (x,) = vars((4.0_f64,));
/// let (y,) = vars((2.0_f32,));
/// let _ = x.atan2(y); // f64 and f32
/// ```
pub trait Operand<L: Expr> {
    /// The argument as an expression: itself, or a constant leaf.
    type Leaf: Expr<Scalar = L::Scalar>;
    /// The node for `l.method(self)` under binary rule `R`.
    type With<R: Binary<L::Scalar>>;
    /// The argument as an expression.
    ///
    /// ```
    /// use typegrad::reverse::{Expr, Operand, Var};
    /// let c = <f64 as Operand<Var<f64, 0, 1>>>::leaf(2.5);
    /// assert_eq!((c.value(), c.gradient()[0]), (2.5, 0.0));
    /// ```
    fn leaf(self) -> Self::Leaf;
    /// The node for `l.method(self)` under `rule`.
    ///
    /// ```
    /// use typegrad::reverse::{vars, Expr, Operand};
    /// use typegrad::rules::Hypot;
    /// let (x,) = vars((3.0_f64,));
    /// let h = 4.0_f64.with(x, Hypot); // x.hypot(4.0)
    /// assert_eq!(h.gradient()[0], 0.6);
    /// ```
    fn with<R: Binary<L::Scalar>>(self, l: L, rule: R) -> Self::With<R>;
}

impl<L: Join<E>, E: Expr<Scalar = L::Scalar>> Operand<L> for E {
    type Leaf = E;
    type With<R: Binary<L::Scalar>> = Bin<R, L, E, Joined<L, E>>;
    #[inline(always)]
    fn leaf(self) -> E {
        self
    }
    #[inline(always)]
    fn with<R: Binary<L::Scalar>>(self, l: L, rule: R) -> Self::With<R> {
        Bin::new(l, self, rule)
    }
}

macro_rules! scalar_operand {
    ($($s:ty),*) => {$(
        impl<L: Expr<Scalar: Scalar<Base = $s>>> Operand<L> for $s {
            type Leaf = Konst<L::Scalar, L::Len>;
            type With<R: Binary<L::Scalar>> = Un<Right<R, L::Scalar>, L, ShapeOf<L>>;
            #[inline(always)]
            fn leaf(self) -> Self::Leaf {
                Konst::new(L::Scalar::from_base(self))
            }
            #[inline(always)]
            fn with<R: Binary<L::Scalar>>(self, l: L, rule: R) -> Self::With<R> {
                Un::new(l, Right(rule, L::Scalar::from_base(self)))
            }
        }
    )*};
}
scalar_operand!(f32, f64);

/// The operators for one node type: `+ - * / %` with any expression, with plain scalars
/// on either side, with a dual on the left, and unary minus.
macro_rules! expr_ops {
    ([$($g:tt)*] $ty:ty) => {
        expr_ops!(@op [$($g)*] $ty, Add add, Add, AddC, CAdd);
        expr_ops!(@op [$($g)*] $ty, Sub sub, Sub, SubC, CSub);
        expr_ops!(@op [$($g)*] $ty, Mul mul, Mul, MulC, CMul);
        expr_ops!(@op [$($g)*] $ty, Div div, Div, DivC, CDiv);
        expr_ops!(@op [$($g)*] $ty, Rem rem, Rem, RemC, CRem);
        impl<$($g)*> Neg for $ty where Self: Expr {
            type Output = Un<rules::Neg, Self, ShapeOf<Self>>;
            #[inline(always)]
            fn neg(self) -> Self::Output {
                Un::new(self, rules::Neg)
            }
        }
    };
    (@op [$($g:tt)*] $ty:ty, $Op:ident $op:ident, $rule:ident, $right:ident, $left:ident) => {
        impl<$($g)*, Rhs> $Op<Rhs> for $ty
        where
            Self: Expr,
            Self: Join<Rhs>,
            Rhs: Expr<Scalar = <Self as Expr>::Scalar>,
        {
            type Output = Bin<rules::$rule, Self, Rhs, Joined<Self, Rhs>>;
            #[inline(always)]
            fn $op(self, rhs: Rhs) -> Self::Output {
                Bin::new(self, rhs, rules::$rule)
            }
        }
        impl<$($g)*, DT: Scalar, DN: Length<DT>> $Op<$ty> for Dual<DT, DN>
        where
            $ty: Expr<Scalar = DT>,
            Self: Expr<Scalar = DT> + Join<$ty>,
        {
            type Output = Bin<rules::$rule, Self, $ty, Joined<Self, $ty>>;
            #[inline(always)]
            fn $op(self, rhs: $ty) -> Self::Output {
                Bin::new(self, rhs, rules::$rule)
            }
        }
        expr_ops!(@scalar f64 [$($g)*] $ty, $Op $op, $right, $left);
        expr_ops!(@scalar f32 [$($g)*] $ty, $Op $op, $right, $left);
    };
    (@scalar $s:ty [$($g:tt)*] $ty:ty, $Op:ident $op:ident, $right:ident, $left:ident) => {
        impl<$($g)*> $Op<$s> for $ty
        where
            Self: Expr<Scalar: Scalar<Base = $s>>,
        {
            type Output = Un<rules::$right<<Self as Expr>::Scalar>, Self, ShapeOf<Self>>;
            #[inline(always)]
            fn $op(self, c: $s) -> Self::Output {
                Un::new(self, rules::$right(Scalar::from_base(c)))
            }
        }
        impl<$($g)*> $Op<$ty> for $s
        where
            $ty: Expr<Scalar: Scalar<Base = $s>>,
        {
            type Output = Un<rules::$left<<$ty as Expr>::Scalar>, $ty, ShapeOf<$ty>>;
            #[inline(always)]
            fn $op(self, e: $ty) -> Self::Output {
                Un::new(e, rules::$left(Scalar::from_base(self)))
            }
        }
    };
}

expr_ops!([T, const I: usize, const N: usize] Var<T, I, N>);
expr_ops!([T, const N: usize] DynVar<T, N>);
expr_ops!([T, N] Konst<T, N>);
expr_ops!([T, S, N] Hole<T, S, N>);
expr_ops!([R: rules::Unary<E::Scalar>, E: Expr, K] Un<R, E, K>);
expr_ops!([R: Binary<A::Scalar>, A: Expr, B, K] Bin<R, A, B, K>);
expr_ops!([A: Expr, B, C, K] Fma<A, B, C, K>);
expr_ops!([E, B, K] Bind<E, B, K>);
expr_ops!([I: Iterator<Item: Expr>] Sum<I>);
