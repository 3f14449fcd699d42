//! The inner nodes: one generic node per arity, each carrying its rule's type (so the
//! expression's type spells out its graph), its context `K`, and the value and partials
//! computed when it was built.

use core::marker::PhantomData;

use generic_array::GenericArray;

use super::{Expr, Shape};
use crate::Length;
use crate::rules::{Binary, Coef, D1, D2, Unary};

/// A one-argument node: rule `R` (`Sin`, `Powi`, `CMul<f64>` for `2.0 * x`, …) applied
/// to `E`, with the value and derivative cached when built.
///
/// ```
/// use typegrad::reverse::{vars, Expr, ShapeOf, Un, Var};
/// use typegrad::rules::Sin;
/// let (x,) = vars((0.0_f64,));
/// let s: Un<Sin, Var<f64, 0, 1>, ShapeOf<Var<f64, 0, 1>>> = x.sin();
/// assert_eq!((s.value(), s.gradient()[0]), (0.0, 1.0));
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Un<R: Unary<E::Scalar>, E: Expr, K> {
    e: E,
    v: E::Scalar,
    d: R::C,
    k: PhantomData<K>,
}

impl<R: Unary<E::Scalar>, E: Expr, K> Un<R, E, K> {
    #[inline(always)]
    pub(crate) fn new(e: E, rule: R) -> Self {
        let r = rule.apply(e.value());
        Self::with(e, r)
    }

    /// The node for `e` with its rule's value and derivative already computed.
    #[inline(always)]
    pub(crate) fn with(e: E, D1 { v, d }: D1<E::Scalar, R::C>) -> Self {
        Un {
            e,
            v,
            d,
            k: PhantomData,
        }
    }
}

impl<R: Unary<K::Scalar>, E: Expr<Scalar = K::Scalar>, K: Shape> Expr for Un<R, E, K> {
    type Scalar = K::Scalar;
    type Len = K::Len;
    type Buf = K::Buf;
    #[inline(always)]
    fn value(&self) -> K::Scalar {
        self.v
    }
    #[inline(always)]
    fn backward<G: Length<K::Scalar>>(&self, adj: K::Scalar, g: &mut GenericArray<K::Scalar, G>) {
        if self.d.active() {
            self.e.backward(self.d.of(adj), g);
        }
    }
    #[inline(always)]
    fn touches(i: usize) -> bool {
        R::C::ALWAYS && E::touches(i)
    }
}

/// A two-argument node: rule `R` (`Add`, `Mul`, `Atan2`, …) applied to `A` and `B`.
///
/// ```
/// use typegrad::reverse::{vars, Expr};
/// let (x, y) = vars((2.0_f64, 3.0));
/// let p = x * y; // Bin<Mul, Var<f64, 0, 2>, Var<f64, 1, 2>, Ctx<…>>
/// assert_eq!(p.gradient().as_slice(), &[3.0, 2.0]);
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Bin<R: Binary<A::Scalar>, A: Expr, B, K> {
    a: A,
    b: B,
    v: A::Scalar,
    da: R::Ca,
    db: R::Cb,
    k: PhantomData<K>,
}

impl<R: Binary<A::Scalar>, A: Expr, B: Expr<Scalar = A::Scalar>, K> Bin<R, A, B, K> {
    #[inline(always)]
    pub(crate) fn new(a: A, b: B, rule: R) -> Self {
        let D2 { v, da, db } = rule.apply(a.value(), b.value());
        Bin {
            a,
            b,
            v,
            da,
            db,
            k: PhantomData,
        }
    }
}

impl<R, A, B, K> Expr for Bin<R, A, B, K>
where
    K: Shape,
    R: Binary<K::Scalar>,
    A: Expr<Scalar = K::Scalar>,
    B: Expr<Scalar = K::Scalar>,
{
    type Scalar = K::Scalar;
    type Len = K::Len;
    type Buf = K::Buf;
    #[inline(always)]
    fn value(&self) -> K::Scalar {
        self.v
    }
    #[inline(always)]
    fn backward<G: Length<K::Scalar>>(&self, adj: K::Scalar, g: &mut GenericArray<K::Scalar, G>) {
        if self.da.active() {
            self.a.backward(self.da.of(adj), g);
        }
        if self.db.active() {
            self.b.backward(self.db.of(adj), g);
        }
    }
    #[inline(always)]
    fn touches(i: usize) -> bool {
        (R::Ca::ALWAYS && A::touches(i)) || (R::Cb::ALWAYS && B::touches(i))
    }
}

/// `a · b + c` with one rounding ([`mul_add`](Expr::mul_add)).
///
/// ```
/// use typegrad::reverse::{vars, Expr};
/// let (a, b, c) = vars((2.0_f64, 3.0, 1.0));
/// let e = a.mul_add(b, c);
/// assert_eq!((e.value(), e.gradient().as_slice()), (7.0, &[3.0, 2.0, 1.0][..]));
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Fma<A: Expr, B, C, K> {
    a: A,
    b: B,
    c: C,
    v: A::Scalar,
    da: A::Scalar,
    db: A::Scalar,
    k: PhantomData<K>,
}

impl<A: Expr, B: Expr<Scalar = A::Scalar>, C: Expr<Scalar = A::Scalar>, K> Fma<A, B, C, K> {
    #[inline(always)]
    pub(crate) fn new(a: A, b: B, c: C) -> Self {
        let (v, da, db) = crate::rules::mul_add(a.value(), b.value(), c.value());
        Fma {
            a,
            b,
            c,
            v,
            da,
            db,
            k: PhantomData,
        }
    }
}

impl<A, B, C, K> Expr for Fma<A, B, C, K>
where
    K: Shape,
    A: Expr<Scalar = K::Scalar>,
    B: Expr<Scalar = K::Scalar>,
    C: Expr<Scalar = K::Scalar>,
{
    type Scalar = K::Scalar;
    type Len = K::Len;
    type Buf = K::Buf;
    #[inline(always)]
    fn value(&self) -> K::Scalar {
        self.v
    }
    #[inline(always)]
    fn backward<G: Length<K::Scalar>>(&self, adj: K::Scalar, g: &mut GenericArray<K::Scalar, G>) {
        self.a.backward(adj * self.da, g);
        self.b.backward(adj * self.db, g);
        self.c.backward(adj, g);
    }
    #[inline(always)]
    fn touches(i: usize) -> bool {
        A::touches(i) || B::touches(i) || C::touches(i)
    }
}
