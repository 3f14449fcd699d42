//! Gradients and Jacobians through a tape: on a tape made inside the call (closure forms,
//! mixing tapes is a compile error) or on a caller-owned tape (by-name forms, reuse).

use super::point::{Point, Recording};
use super::stack::{self, Stack};
use super::store::Store;
use super::{Active, Tape, TapeError};
use crate::Scalar;
use crate::frame::run;

/// What a closure form keeps on the stack: its tape of `CAP` records and the variables of `X`.
type Frame<'t, X, const CAP: usize> = (
    stack::Slots<'t, <X as Point>::Scalar, CAP>,
    <X as Point>::Vars<'t, Stack<'t, <X as Point>::Scalar>>,
);

/// Records `f` at `x` on `tape` (cleared first) and returns the outputs.
#[inline(always)]
pub(super) fn record<'t, X: Point, S: Store<X::Scalar>, Y>(
    tape: &'t S,
    f: impl FnOnce(X::Vars<'t, S>) -> Y,
    x: X,
) -> Y
where
    X::Scalar: 't,
{
    f(x.seed(tape))
}

/// The value of `y` and the derivatives of `y` in the inputs: one sweep (`AGAIN`: to be
/// followed by another, after a `reset`).
#[inline(always)]
pub(super) fn pull<'t, X: Point, S: Store<X::Scalar>, const AGAIN: bool>(
    tape: &'t S,
    y: Active<'t, X::Scalar, S>,
) -> Result<(X::Scalar, X), TapeError> {
    tape.status()?;
    tape.sweep::<AGAIN>(y.i, y.s);
    Ok((y.v, X::adjoints(tape)))
}

/// The value and gradient of `f` at `x`, by reverse mode on a tape of `CAP` records made
/// inside the call (on the stack): the function is recorded once and swept back once.
///
/// `CAP` counts the inputs and every operation of two variables; operations of one
/// variable (`sin`, `powi`, `x * 2.0`, a variable with a constant) and of constants are free.
/// If it is too small, the error says which capacity the recording needs ([`required`]
/// counts it beforehand). The capacity a call leaves unused is reserved but never written.
/// The first generic argument is the point's type: write `_`.
///
/// **Stack** (bytes, x86-64): `48·CAP + 40·N` for `f64`, `40·CAP + 28·N` for `f32`, plus
/// about 200, in a function of its own when that exceeds 4 KiB; the caller keeps the gradient
/// (`8·N`, `4·N`). In a debug build `48·CAP + 310·N` and `40·CAP + 205·N`, plus a few KiB. See [the module](crate::tape#stack-use) for when a tape is too big.
///
/// ```
/// use typegrad::{tape, Float};
/// fn rosenbrock<T: Float>(x: [T; 2]) -> T {
///     let c = T::from(100.0).unwrap();
///     c * (x[1] - x[0].powi(2)).powi(2) + (T::one() - x[0]).powi(2)
/// }
/// let (v, g) = tape::gradient::<_, 16>(|x| rosenbrock(x), [1.5, 2.0]).unwrap();
/// assert_eq!(v, rosenbrock([1.5, 2.0]));
/// assert_eq!(g, [-400.0 * 1.5 * (2.0 - 2.25) - 2.0 * (1.0 - 1.5), 200.0 * (2.0 - 2.25)]);
///
/// let err = tape::gradient::<_, 3>(|x| rosenbrock(x), [1.5, 2.0]).unwrap_err();
/// // 2 inputs, a record for each `-` and `+` of two variables; `powi`, `c *` record nothing
/// assert_eq!(err, tape::TapeError::Capacity { required: 4 });
/// ```
///
/// The variables live only inside the call, so the variables of two tapes cannot meet:
///
/// ```compile_fail
/// use typegrad::tape;
/// tape::gradient::<_, 8>(|[x]| {
///     tape::gradient::<_, 8>(|[y]| x * y, [2.0_f64]).unwrap(); // x is another tape's
///     x
/// }, [1.0_f64]);
/// ```
#[inline]
pub fn gradient<X: Point, const CAP: usize>(
    f: impl for<'t> Recording<'t, X, Active<'t, X::Scalar>>,
    x: X,
) -> Result<(X::Scalar, X), TapeError> {
    let x = &x; // not copied into the closure
    run::<Frame<'_, X, CAP>, _>(|| {
        let mut slots = stack::slots::<X::Scalar, CAP>();
        let tape = Stack::new(&mut slots);
        let y = record(&tape, f, *x);
        pull::<X, _, false>(&tape, y)
    })
}

/// The value and gradient of `f` at `x` on a caller-owned tape, which is cleared first and
/// can be reused.
///
/// `f` receives variables of a lifetime of their own, so variables of another tape (or of
/// an earlier call on this one) cannot meet them: a compile error. Pass a generic function
/// as a closure, `|x| f(x)`.
///
/// **Stack** (bytes, x86-64): the [`Tape`] where the caller keeps it (`32·CAP + 24` for
/// `f64`, `20·CAP + 24` for `f32`), and in the caller's frame the variables, `32·N` (`f64`)
/// or `24·N` (`f32`), plus about 100. In a debug build about `280·N` (`f64`) or `190·N` (`f32`)
/// besides the tape.
///
/// ```
/// use typegrad::{tape::{self, Tape}, Float};
/// fn f<T: Float>([x, y]: [T; 2]) -> T {
///     x * y.exp()
/// }
/// let mut t = Tape::<f64, 8>::new();
/// assert_eq!(tape::gradient_on(&mut t, |x| f(x), [3.0, 0.0]), Ok((3.0, [1.0, 3.0])));
/// assert_eq!(tape::gradient_on(&mut t, |x| f(x), [1.0, 0.0]), Ok((1.0, [1.0, 1.0])));
/// ```
///
/// Two tapes' variables do not meet:
///
/// ```compile_fail
/// use typegrad::tape::{self, Tape};
/// let (mut a, mut b) = (Tape::<f64, 8>::new(), Tape::<f64, 8>::new());
/// let _ = tape::gradient_on(&mut a, |[x]| {
///     let _ = tape::gradient_on(&mut b, |[y]| x * y, [2.0]); // x is tape a's
///     x
/// }, [1.0]);
/// ```
#[inline]
pub fn gradient_on<T: Scalar, const CAP: usize, const N: usize>(
    tape: &mut Tape<T, CAP>,
    f: impl for<'t> FnOnce([Active<'t, T, Tape<T, CAP>>; N]) -> Active<'t, T, Tape<T, CAP>>,
    x: [T; N],
) -> Result<(T, [T; N]), TapeError> {
    let tape: &Tape<T, CAP> = tape;
    let y = record(tape, f, x);
    pull::<[T; N], _, false>(tape, y)
}

/// The values and adjoint sweeps of `M` outputs.
#[inline(always)]
fn rows<'t, X: Point, S: Store<X::Scalar>, const M: usize>(
    tape: &'t S,
    y: [Active<'t, X::Scalar, S>; M],
) -> Result<([X::Scalar; M], [X; M]), TapeError> {
    let mut j = [X::adjoints(tape); M];
    for (k, (row, &yi)) in j.iter_mut().zip(&y).enumerate() {
        if k > 0 {
            tape.reset();
        }
        *row = pull::<X, S, true>(tape, yi)?.1;
    }
    Ok((y.map(|yi| yi.v), j))
}

/// The values and Jacobian (`M` rows of gradients) of a function with `M` outputs: one
/// recording on a tape of `CAP` records made inside the call, one sweep per output.
///
/// The generic arguments are the point's type (`_`), the capacity and the output count (`_`
/// from Rust 1.89 on, which infers constant arguments; the number itself before).
///
/// **Stack** (bytes, x86-64): `48·CAP + 80·N` for `f64`, `40·CAP + 56·N` for `f32`, plus
/// about 200, in a function of its own when the tape and variables exceed 4 KiB; the caller
/// keeps the Jacobian (`8·M·N`, `4·M·N`). In a debug build, with `M = 2`, `48·CAP + 415·N` and
/// `40·CAP + 255·N`, plus a few KiB.
///
/// ```
/// use typegrad::{tape, Float};
/// let (fx, j) = tape::jacobian::<_, 8, 2>(|[x, y]| [x * y, x.sin() + y], [1.0_f64, 2.0])
///     .unwrap();
/// assert_eq!(fx, [2.0, 1.0_f64.sin() + 2.0]);
/// assert_eq!(j, [[2.0, 1.0], [1.0_f64.cos(), 1.0]]);
/// ```
#[inline]
pub fn jacobian<X: Point, const CAP: usize, const M: usize>(
    f: impl for<'t> Recording<'t, X, [Active<'t, X::Scalar>; M]>,
    x: X,
) -> Result<([X::Scalar; M], [X; M]), TapeError> {
    let x = &x; // not copied into the closure
    run::<Frame<'_, X, CAP>, _>(|| {
        let mut slots = stack::slots::<X::Scalar, CAP>();
        let tape = Stack::new(&mut slots);
        let y = record(&tape, f, *x);
        rows(&tape, y)
    })
}

/// [`jacobian`] on a caller-owned tape, cleared first. As with [`gradient_on`], `f`'s
/// variables cannot meet another tape's; pass a generic function as `|x| f(x)`.
///
/// **Stack** (bytes, x86-64): the [`Tape`] where the caller keeps it (`32·CAP + 24` for
/// `f64`, `20·CAP + 24` for `f32`), and in the caller's frame `64·N` (`f64`) or `48·N` (`f32`)
/// for the variables and the rows (`M = 2`), plus about 100. In a debug build about `390·N`
/// (`f64`) or `240·N` (`f32`) besides the tape.
///
/// ```
/// use typegrad::{tape::{self, Tape}, Float};
/// fn polar<T: Float>([r, a]: [T; 2]) -> [T; 2] {
///     [r * a.cos(), r * a.sin()]
/// }
/// let mut t = Tape::<f64, 8>::new();
/// let (fx, j) = tape::jacobian_on(&mut t, |x| polar(x), [2.0, 0.0]).unwrap();
/// assert_eq!(fx, [2.0, 0.0]);
/// assert_eq!(j, [[1.0, -0.0], [0.0, 2.0]]);
/// ```
#[inline]
pub fn jacobian_on<T: Scalar, const CAP: usize, const N: usize, const M: usize>(
    tape: &mut Tape<T, CAP>,
    f: impl for<'t> FnOnce([Active<'t, T, Tape<T, CAP>>; N]) -> [Active<'t, T, Tape<T, CAP>>; M],
    x: [T; N],
) -> Result<([T; M], [[T; N]; M]), TapeError> {
    let tape: &Tape<T, CAP> = tape;
    let y = record(tape, f, x);
    rows(tape, y)
}

/// The capacity that `f` needs at `x`: the number of records a recording makes (its inputs
/// and operations of two variables), counted with no record stored and no tape on the stack.
///
/// It is the `required` of [`TapeError::Capacity`] for any `CAP` too small, and the smallest
/// `CAP` with which [`gradient`] succeeds at `x`. A recording can need another capacity at
/// another point if `f` branches on its inputs' values. For a function with several outputs
/// ([`jacobian`]), return any one of them: outputs make no records.
///
/// **Stack:** no records: the `N` variables (32 bytes each for `f64`, 24 for `f32`) and what
/// `f` uses.
///
/// ```
/// use typegrad::{tape, Float};
/// fn f<T: Float>(x: [T; 3]) -> T {
///     x[0] * x[1] + x[2].sin() * x[0] // 3 inputs, 3 operations of two variables
/// }
/// let need = tape::required(|x| f(x), [1.0_f64, 2.0, 3.0]);
/// assert_eq!(need, 6);
/// assert!(tape::gradient::<_, 6>(|x| f(x), [1.0_f64, 2.0, 3.0]).is_ok());
/// assert_eq!(
///     tape::gradient::<_, 5>(|x| f(x), [1.0_f64, 2.0, 3.0]),
///     Err(tape::TapeError::Capacity { required: need })
/// );
/// ```
#[inline]
pub fn required<X: Point>(f: impl for<'t> Recording<'t, X, Active<'t, X::Scalar>>, x: X) -> usize {
    let tape = Stack::new(&mut []);
    let _ = record(&tape, f, x);
    tape.len()
}
