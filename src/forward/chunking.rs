//! The chunk lengths forward mode picks for `N` inputs, computed on typenum lengths.

use core::ops::{Add, Div, Sub};

use typenum::{
    B0, B1, Const, IsLessOrEqual, LeEq, Max, Maximum, Quot, Sub1, Sum, ToUInt, U, U1, U8, U32, U64,
};

use crate::{Dual, Length};

/// `⌈L / M⌉` chunks of at most `M` (at least one).
type Count<L, M> = Maximum<Quot<Sum<L, Sub1<M>>, M>, U1>;

/// The chunk length that splits `L` into chunks of at most `M`, as evenly as possible:
/// `⌈L / ⌈L / M⌉⌉`.
type Even<L, M> = Quot<Sum<L, Sub1<Count<L, M>>>, Count<L, M>>;

/// A typenum length split into chunks of at most `M`.
pub trait Split<M> {
    /// `⌈L / ⌈L / M⌉⌉`.
    type Even;
}

impl<L, M> Split<M> for L
where
    M: Sub<B1>,
    L: Add<Sub1<M>>,
    Sum<L, Sub1<M>>: Div<M>,
    Quot<Sum<L, Sub1<M>>, M>: Max<U1>,
    Count<L, M>: Sub<B1>,
    L: Add<Sub1<Count<L, M>>>,
    Sum<L, Sub1<Count<L, M>>>: Div<Count<L, M>>,
{
    type Even = Even<L, M>;
}

/// `A` where the bit is 1, `B` where it is 0.
pub trait Either<A, B> {
    /// The choice.
    type Out;
}
impl<A, B> Either<A, B> for B1 {
    type Out = A;
}
impl<A, B> Either<A, B> for B0 {
    type Out = B;
}

/// The gradient's chunk: all `L` inputs up to 64, else even chunks of at most 32.
type Gradient<L> = <LeEq<L, U64> as Either<L, <L as Split<U32>>::Even>>::Out;

/// The Hessian's chunk: even chunks of at most 8.
type Hessian<L> = <L as Split<U8>>::Even;

mod sealed {
    pub trait Sealed {}
    impl<const N: usize> Sealed for typenum::Const<N> {}
}

/// The number of tangents forward mode gives each dual for `N` inputs, `K` (the chunk
/// length): `<Const<N> as Chunking<T>>::Gradient` for [`gradient`](crate::gradient) and
/// [`jacobian`](crate::jacobian), `::Hessian` for [`hessian`](crate::hessian).
///
/// The function is called once per chunk of `K` inputs, so each dual carries `K + 1`
/// numbers whatever `N` is. The chunks are as even as possible (`K = ⌈N / C⌉` for `C`
/// chunks, as ForwardDiff.jl splits them):
///
/// - gradients and Jacobians: `K = N`, one call, up to 64 inputs; beyond, `C = ⌈N / 32⌉`
///   calls of at most 32 tangents (1,000 inputs: 32 calls of 32);
/// - Hessians (duals of duals): `C = ⌈N / 8⌉` chunks of at most 8 tangents (100 inputs:
///   13 chunks of 8, 91 calls).
///
/// These follow the instruction counts in BENCHMARKS.md: at 64 inputs a gradient in chunks of
/// 8 to 32 costs 1.02–2.5 times the single call (the function's own arithmetic, `sin` and `exp`
/// among it, runs once per chunk); beyond, chunks of 32 cost at most 16 % more than chunks of
/// 64 at half the stack per dual, and keep a 1,000-input gradient within 272 KB of duals. For
/// Hessians, a chunk of 8 costs at most 1.10 times the best of 1 to 12 on the two functions
/// measured.
/// [`Chunked`](crate::Chunked) sets another `K`.
///
/// Generic code over `N` names the bound `Const<N>: Chunking<T>` where it calls the entry
/// points.
///
/// ```
/// use typegrad::typenum::{Const, Unsigned};
/// use typegrad::Chunking;
/// fn k<const N: usize>() -> [usize; 2]
/// where
///     Const<N>: Chunking<f64>,
/// {
///     [<Const<N> as Chunking<f64>>::Gradient::USIZE, <Const<N> as Chunking<f64>>::Hessian::USIZE]
/// }
/// assert_eq!(k::<2>(), [2, 2]);
/// assert_eq!(k::<9>(), [9, 5]); // two Hessian chunks of 5
/// assert_eq!(k::<64>(), [64, 8]);
/// assert_eq!(k::<65>(), [22, 8]); // three gradient chunks of 22
/// assert_eq!(k::<100>(), [25, 8]);
/// assert_eq!(k::<1000>(), [32, 8]);
/// ```
pub trait Chunking<T>: sealed::Sealed {
    /// The chunk length of gradients and Jacobians, a typenum length.
    type Gradient: Length<T>;
    /// The chunk length of Hessians, a typenum length.
    type Hessian: Length<T> + Length<Dual<T, Self::Hessian>>;
}

impl<T: Copy, const N: usize> Chunking<T> for Const<N>
where
    Const<N>: ToUInt,
    U<N>: Split<U32> + Split<U8> + IsLessOrEqual<U64>,
    LeEq<U<N>, U64>: Either<U<N>, <U<N> as Split<U32>>::Even>,
    Gradient<U<N>>: Length<T>,
    Hessian<U<N>>: Length<T> + Length<Dual<T, Hessian<U<N>>>>,
{
    type Gradient = Gradient<U<N>>;
    type Hessian = Hessian<U<N>>;
}
