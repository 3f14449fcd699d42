//! The generic drivers: one formula, written once against [`Real`], run as a plain `f64`
//! function, with typegrad's forward mode, with typegrad's stack tape (a new tape each call,
//! or one reused tape), with num-dual, with autodiff and with ad_trait (both its modes).
//!
//! Hand-written gradients, typegrad's reverse mode and the tape's statements cannot share
//! the formula (an expression's type changes with every operation), so each workload writes
//! those itself, spelled the same way.

use ad_trait::differentiable_function::{DifferentiableFunctionTrait, ForwardADMulti, ReverseAD};
use ad_trait::forward_ad::adfn::adfn;
use ad_trait::function_engine::FunctionEngine;
use ad_trait::nalgebra::DMatrix;
use nalgebra::{SMatrix, SVector};
use num_dual::{Dual2SVec64, DualSVec64};
use typegrad::generic_array::{ConstArrayLength, IntoArrayLength};
use typegrad::tape::{self, Active, Tape};
use typegrad::typenum::Const;
use typegrad::{Chunked, Chunking, Dual, Duals, Length};

use crate::Real;
use crate::real::{AdErfc, AdTrait};

/// A scalar function of `N` inputs.
pub trait Scalar<const N: usize> {
    /// The function, for any number type.
    fn f<T: Real>(&self, x: [T; N]) -> T;
}

/// A function of `N` inputs with `M` outputs.
pub trait Vector<const N: usize, const M: usize> {
    /// The function, for any number type.
    fn f<T: Real>(&self, x: [T; N]) -> [T; M];
}

/// The plain `f64` function.
#[inline(never)]
pub fn plain<W: Scalar<N>, const N: usize>(w: &W, x: [f64; N]) -> f64 {
    w.f(x)
}

/// The plain `f64` function with `M` outputs.
#[inline(never)]
pub fn plain_vec<W: Vector<N, M>, const N: usize, const M: usize>(w: &W, x: [f64; N]) -> [f64; M] {
    w.f(x)
}

/// typegrad forward mode: `typegrad::gradient`, in its chunks (one call with `Dual<f64, N>`
/// up to 64 inputs).
#[inline(never)]
pub fn forward<W: Scalar<N>, const N: usize>(w: &W, x: [f64; N]) -> (f64, [f64; N])
where
    Const<N>: Chunking<f64>,
{
    typegrad::gradient(|x: [Duals<f64, N>; N]| w.f(x), x)
}

/// typegrad forward mode in chunks of `K` tangents: `Chunked::<K>::gradient` (`K = N`: one
/// call with a tangent per input).
#[inline(never)]
pub fn forward_chunked<W: Scalar<N>, const N: usize, const K: usize>(
    w: &W,
    x: [f64; N],
) -> (f64, [f64; N])
where
    Const<K>: IntoArrayLength<ArrayLength: Length<f64>>,
{
    Chunked::<K>::gradient(|x| w.f(x), x)
}

/// A value, gradient and Hessian.
pub type Hessian<const N: usize> = (f64, [f64; N], [[f64; N]; N]);

/// typegrad forward over forward: `typegrad::hessian`, in its chunks.
#[inline(never)]
pub fn forward_hessian<W: Scalar<N>, const N: usize>(w: &W, x: [f64; N]) -> Hessian<N>
where
    Const<N>: Chunking<f64>,
{
    typegrad::hessian(|x| w.f(x), x)
}

/// typegrad forward over forward in chunks of `K` tangents over `K`:
/// `Chunked::<K>::hessian`.
#[inline(never)]
pub fn forward_hessian_chunked<W: Scalar<N>, const N: usize, const K: usize>(
    w: &W,
    x: [f64; N],
) -> Hessian<N>
where
    Const<K>: IntoArrayLength<ArrayLength: Length<f64> + Length<Dual<f64, ConstArrayLength<K>>>>,
{
    Chunked::<K>::hessian(|x| w.f(x), x)
}

/// typegrad forward over reverse: `tape::hessian` on a new tape of `CAP` records over duals.
#[inline(never)]
pub fn tape_hessian<W: Scalar<N>, const N: usize, const CAP: usize>(
    w: &W,
    x: [f64; N],
) -> Hessian<N>
where
    Const<N>: Chunking<f64>,
{
    tape::hessian::<_, CAP>(|x| w.f(x), x).expect("tape capacity")
}

/// num-dual: `num_dual::hessian` with `Dual2SVec64<N>` (a value, `N` first and `N²` second
/// derivatives a number).
#[inline(never)]
pub fn num_dual_hessian<W: Scalar<N>, const N: usize>(
    w: &W,
    x: [f64; N],
) -> (f64, SVector<f64, N>, SMatrix<f64, N, N>) {
    num_dual::hessian(
        |x: SVector<Dual2SVec64<N>, N>| w.f(x.data.0[0]),
        &SVector::from(x),
    )
}

/// typegrad forward mode: `typegrad::jacobian`, in its chunks.
#[inline(never)]
#[allow(clippy::type_complexity)]
pub fn forward_jac<W: Vector<N, M>, const N: usize, const M: usize>(
    w: &W,
    x: [f64; N],
) -> ([f64; M], [[f64; N]; M])
where
    Const<N>: Chunking<f64>,
{
    typegrad::jacobian(|x: [Duals<f64, N>; N]| w.f(x), x)
}

/// typegrad's stack tape: `tape::gradient` on a tape of `CAP` records made in each call (slots
/// reserved on the stack, written only as records are made).
#[inline(never)]
pub fn tape<W: Scalar<N>, const N: usize, const CAP: usize>(w: &W, x: [f64; N]) -> (f64, [f64; N]) {
    tape::gradient::<_, CAP>(|x| w.f(x), x).expect("tape capacity")
}

/// typegrad's stack tape with statement-level recording: `tape::gradient` on a tape of `CAP`
/// records made in each call, `f` written with statements (`tape::stmt!`). `CAP` is exact (a
/// debug build checks it with `tape::required`).
#[inline(never)]
pub fn tape_stmt<const N: usize, const CAP: usize>(
    f: impl for<'t> Fn([Active<'t, f64>; N]) -> Active<'t, f64>,
    x: [f64; N],
) -> (f64, [f64; N]) {
    debug_assert_eq!(
        tape::required(&f, x),
        CAP,
        "the statements' capacity is not exact"
    );
    tape::gradient::<_, CAP>(f, x).expect("tape capacity")
}

/// [`tape_stmt`] on a caller's tape (`tape::gradient_on`), reused from call to call.
#[inline(never)]
pub fn tape_stmt_on<const N: usize, const CAP: usize>(
    t: &mut Tape<f64, CAP>,
    f: impl for<'t> Fn([Active<'t, f64, Tape<f64, CAP>>; N]) -> Active<'t, f64, Tape<f64, CAP>>,
    x: [f64; N],
) -> (f64, [f64; N]) {
    let g = tape::gradient_on(t, f, x).expect("tape capacity");
    debug_assert_eq!(t.len(), CAP, "the statements' capacity is not exact");
    g
}

/// typegrad's stack tape: `tape::gradient_on` on a caller's tape, reused from call to call.
#[inline(never)]
pub fn tape_on<W: Scalar<N>, const N: usize, const CAP: usize>(
    t: &mut Tape<f64, CAP>,
    w: &W,
    x: [f64; N],
) -> (f64, [f64; N]) {
    tape::gradient_on(t, |x| w.f(x), x).expect("tape capacity")
}

/// typegrad's stack tape: `tape::jacobian` on a new tape of `CAP` records, one sweep per
/// output.
#[inline(never)]
#[allow(clippy::type_complexity)]
pub fn tape_jac<W: Vector<N, M>, const N: usize, const M: usize, const CAP: usize>(
    w: &W,
    x: [f64; N],
) -> ([f64; M], [[f64; N]; M]) {
    tape::jacobian::<_, CAP, M>(|x| w.f(x), x).expect("tape capacity")
}

/// typegrad's stack tape: `tape::jacobian_on` on a caller's tape, reused from call to call.
#[inline(never)]
#[allow(clippy::type_complexity)]
pub fn tape_jac_on<W: Vector<N, M>, const N: usize, const M: usize, const CAP: usize>(
    t: &mut Tape<f64, CAP>,
    w: &W,
    x: [f64; N],
) -> ([f64; M], [[f64; N]; M]) {
    tape::jacobian_on(t, |x| w.f(x), x).expect("tape capacity")
}

/// num-dual: `num_dual::gradient` with `DualSVec64<N>`.
#[inline(never)]
pub fn num_dual<W: Scalar<N>, const N: usize>(w: &W, x: [f64; N]) -> (f64, SVector<f64, N>) {
    num_dual::gradient(
        |x: SVector<DualSVec64<N>, N>| w.f(x.data.0[0]),
        &SVector::from(x),
    )
}

/// num-dual: `num_dual::jacobian` with `DualSVec64<N>`.
#[inline(never)]
pub fn num_dual_jac<W: Vector<N, M>, const N: usize, const M: usize>(
    w: &W,
    x: [f64; N],
) -> (SVector<f64, M>, SMatrix<f64, M, N>) {
    num_dual::jacobian(
        |x: SVector<DualSVec64<N>, N>| SVector::from(w.f(x.data.0[0])),
        &SVector::from(x),
    )
}

/// autodiff: `autodiff::grad`, one pass with one tangent per input (its only gradient API;
/// it returns the gradient alone, in a `Vec`).
#[inline(never)]
pub fn autodiff<W: Scalar<N>, const N: usize>(w: &W, x: [f64; N]) -> Vec<f64> {
    autodiff::grad(
        |x: &[autodiff::F1]| w.f(x.try_into().expect("N inputs")),
        &x,
    )
}

/// A workload as an ad_trait function: its inputs and outputs are slices and `Vec`s, its
/// numbers wrapped in [`AdTrait`] for the formula.
struct AdFunction<'w, W, const N: usize>(&'w W);

impl<T: AdErfc, W: Scalar<N>, const N: usize> DifferentiableFunctionTrait<T>
    for AdFunction<'_, W, N>
{
    const NAME: &'static str = "workload";

    #[inline(always)]
    fn call(&self, inputs: &[T], _freeze: bool) -> Vec<T> {
        vec![self.0.f(core::array::from_fn(|i| AdTrait(inputs[i]))).0]
    }

    fn num_inputs(&self) -> usize {
        N
    }

    fn num_outputs(&self) -> usize {
        1
    }
}

/// The value and the 1 × N Jacobian, as ad_trait returns them.
pub type AdTraitGradient = (Vec<f64>, DMatrix<f64>);

/// ad_trait forward mode: a `FunctionEngine` with `ForwardADMulti` over `adfn<N>`, a tangent per
/// input, so one pass of the function (ad_trait's way to many tangents a pass; the inputs, the
/// outputs and the Jacobian are on the heap).
#[inline(never)]
pub fn ad_trait_fwd<W: Scalar<N>, const N: usize>(w: &W, x: [f64; N]) -> AdTraitGradient {
    let method = ForwardADMulti::<adfn<N>>::new();
    FunctionEngine::new(AdFunction::<W, N>(w), AdFunction(w), method).derivative(&x)
}

/// ad_trait reverse mode: a `FunctionEngine` with `ReverseAD` over `adr`, which clears the
/// thread's computation graph (a `Vec` of nodes, kept from call to call), records one node an
/// operation on it, and sweeps it back into a `Vec` of adjoints.
#[inline(never)]
pub fn ad_trait_rev<W: Scalar<N>, const N: usize>(w: &W, x: [f64; N]) -> AdTraitGradient {
    FunctionEngine::new(AdFunction::<W, N>(w), AdFunction(w), ReverseAD::new()).derivative(&x)
}
