//! Operators on expressions (with expressions, and with plain `f32`/`f64` on either side),
//! from the operator list, and [`Operand`], the argument of binary methods such as `powf`.

use core::ops::Neg;

use super::Node;
use super::bind::{Bind, Hole};
use super::dot::Dot;
use super::fold::Folded;
use super::leaf::{DynVar, Evaluated, Konst, Var};
use super::node::{Bin, BinOf, Fma, Un, UnOf, bin, un};
use super::shape::{Join, Shape};
use super::sum::Sum;
use crate::Scalar;
use crate::rules::{self, Binary, Right};

/// The argument of a binary method (`powf`, `atan2`, `hypot`, `max`, `min`, `log`,
/// `copysign`, `abs_sub`, `mul_add`): an expression, or a plain `f32`/`f64` constant.
///
/// With a constant, the node computes only the partial it needs (`x.powf(2.5)` takes no
/// logarithm).
///
/// ```
/// use typegrad::reverse::{vars, Expr};
/// let (x, y) = vars!((4.0_f64, 0.5));
/// assert_eq!(x.powf(0.5).gradient().as_slice(), &[0.25, 0.0]); // constant exponent
/// assert_eq!(x.powf(y).gradient()[1], 2.0 * 4.0_f64.ln()); // expression exponent
/// ```
///
/// An argument from another set of variables, or over another scalar type, is a compile
/// error:
///
/// ```compile_fail,E0277
/// use typegrad::reverse::{vars, Expr};
/// let (x, _y) = vars!((4.0_f64, 0.5));
/// let (z,) = vars!((2.0_f64,));
/// let _ = x.powf(z); // two sets
/// ```
///
/// ```compile_fail,E0271
/// use typegrad::reverse::{vars, Expr};
/// let (x,) = vars!((4.0_f64,));
/// let (y,) = vars!((2.0_f32,));
/// let _ = x.atan2(y); // f64 and f32
/// ```
pub trait Operand<L: Node> {
    /// The argument as an expression: itself, or a constant leaf.
    type Leaf: Node<Scalar = L::Scalar>;
    /// The node for `l.method(self)` under binary rule `R`.
    type With<R: Binary<L::Scalar>>;
    /// The argument as an expression.
    ///
    /// ```
    /// use typegrad::reverse::{vars, Expr, Node, Operand};
    /// let (x,) = vars!((1.0_f64,));
    /// let c = Operand::leaf(2.5_f64, &x);
    /// assert_eq!(Node::val(&c), 2.5);
    /// ```
    fn leaf(self, l: &L) -> Self::Leaf;
    /// The node for `l.method(self)` under `rule`.
    ///
    /// ```
    /// use typegrad::reverse::{vars, Expr, Operand};
    /// use typegrad::rules::Hypot;
    /// let (x,) = vars!((3.0_f64,));
    /// let h = 4.0_f64.with(x, Hypot); // x.hypot(4.0)
    /// assert_eq!(h.gradient()[0], 0.6);
    /// ```
    fn with<R: Binary<L::Scalar>>(self, l: L, rule: R) -> Self::With<R>;
}

impl<L: Join<E>, E: Node<Scalar = L::Scalar>> Operand<L> for E {
    type Leaf = E;
    type With<R: Binary<L::Scalar>> = BinOf<R, L, E>;
    #[inline(always)]
    fn leaf(self, _: &L) -> E {
        self
    }
    #[inline(always)]
    fn with<R: Binary<L::Scalar>>(self, l: L, rule: R) -> Self::With<R> {
        bin(l, self, rule)
    }
}

macro_rules! scalar_operand {
    ($($s:ty),*) => {$(
        impl<L: Node<Scalar: Scalar<Base = $s>>> Operand<L> for $s {
            type Leaf = Konst<L::Scalar, L::Len, L::Set>;
            type With<R: Binary<L::Scalar>> = UnOf<Right<R, L::Scalar>, L>;
            #[inline(always)]
            fn leaf(self, _: &L) -> Self::Leaf {
                Konst::new(L::Scalar::from_base(self))
            }
            #[inline(always)]
            fn with<R: Binary<L::Scalar>>(self, l: L, rule: R) -> Self::With<R> {
                un(l, Right(rule, L::Scalar::from_base(self)))
            }
        }
    )*};
}
scalar_operand!(f32, f64);

/// The operators for one node type: `+ - * / %` with any expression of the same set, with
/// plain scalars on either side (one entry of the operator list each), and unary minus.
macro_rules! expr_ops {
    ([$($g:tt)*] $ty:ty) => {
        crate::__operators!([@each [$($g)*] $ty] expr_ops);
        impl<$($g)*> Neg for $ty where Self: Node {
            type Output = UnOf<rules::Neg, Self>;
            #[inline(always)]
            fn neg(self) -> Self::Output {
                un(self, rules::Neg)
            }
        }
    };
    ([@each $g:tt $ty:ty] $($Op:ident $op:ident $OpAssign:ident $op_assign:ident $rule:ident $right:ident $left:ident;)*) => {$(
        expr_ops!(@op $g $ty, $Op $op, $rule);
        expr_ops!(@scalar f64 $g $ty, $Op $op, $right, $left);
        expr_ops!(@scalar f32 $g $ty, $Op $op, $right, $left);
    )*};
    (@op [$($g:tt)*] $ty:ty, $Op:ident $op:ident, $rule:ident) => {
        impl<$($g)*, Rhs> core::ops::$Op<Rhs> for $ty
        where
            Self: Join<Rhs>,
            Rhs: Node<Scalar = <Self as Node>::Scalar>,
        {
            type Output = BinOf<rules::$rule, Self, Rhs>;
            #[inline(always)]
            fn $op(self, rhs: Rhs) -> Self::Output {
                bin(self, rhs, rules::$rule)
            }
        }
    };
    (@scalar $s:ty [$($g:tt)*] $ty:ty, $Op:ident $op:ident, $right:ident, $left:ident) => {
        impl<$($g)*> core::ops::$Op<$s> for $ty
        where
            Self: Node<Scalar: Scalar<Base = $s>>,
        {
            type Output = UnOf<rules::$right<<Self as Node>::Scalar>, Self>;
            #[inline(always)]
            fn $op(self, c: $s) -> Self::Output {
                un(self, rules::$right(Scalar::from_base(c)))
            }
        }
        impl<$($g)*> core::ops::$Op<$ty> for $s
        where
            $ty: Node<Scalar: Scalar<Base = $s>>,
        {
            type Output = UnOf<rules::$left<<$ty as Node>::Scalar>, $ty>;
            #[inline(always)]
            fn $op(self, e: $ty) -> Self::Output {
                un(e, rules::$left(Scalar::from_base(self)))
            }
        }
    };
}

expr_ops!([T, const I: usize, const N: usize, S] Var<T, I, N, S>);
expr_ops!([T, const N: usize, S] DynVar<T, N, S>);
expr_ops!([T, N, S] Konst<T, N, S>);
expr_ops!(['r, T: Scalar, const N: usize, S] Dot<'r, T, N, S>);
expr_ops!([T, N: generic_array::ArrayLength, S] Evaluated<T, N, S>);
expr_ops!([T, Slot, N, S, D] Hole<T, Slot, N, S, D>);
expr_ops!([R: rules::Unary<K::Scalar>, E, K: Shape] Un<R, E, K>);
expr_ops!([R: Binary<K::Scalar>, A, B, K: Shape] Bin<R, A, B, K>);
expr_ops!([A, B, C, K: Shape] Fma<A, B, C, K>);
expr_ops!([E, B, K] Bind<E, B, K>);
expr_ops!([T, N, B: generic_array::ArrayLength, S, H] Folded<T, N, B, S, H>);
expr_ops!([I: Iterator<Item: Node>] Sum<I>);
