//! Gradients and Jacobians through a tape: on a tape made inside the call (closure forms,
//! mixing tapes is a compile error) or on a caller-owned tape (by-name forms, reuse).

use super::stack::{self, Stack};
use super::store::Store;
use super::{Active, Tape, TapeError};
use crate::Scalar;

mod sealed {
    pub trait Sealed {}
    impl<T, const N: usize> Sealed for [T; N] {}
}

/// A point to differentiate at: `[T; N]`, which the function receives as `N` variables.
///
/// It names the variables' type for each tape, which lets [`gradient`] take the point's type
/// as its first generic argument (always written `_`) and the capacity as its second:
/// `tape::gradient::<_, CAP>(f, x)`.
///
/// ```
/// use typegrad::tape::{Point, Active, Stack};
/// fn vars<'t>(v: <[f64; 2] as Point>::Vars<'t, Stack<'t, f64>>) -> [Active<'t, f64>; 2] {
///     v
/// }
/// ```
pub trait Point: sealed::Sealed + Copy {
    /// The number type, `T` in `[T; N]`.
    type Scalar: Scalar;
    /// The number of inputs, `N` in `[T; N]`.
    const LEN: usize;
    /// The variables the function receives on a tape of kind `S`: `[Active<'t, T, S>; N]`.
    type Vars<'t, S: Store<Self::Scalar> + 't>: Copy
    where
        Self::Scalar: 't;
    /// Clears the tape and records the inputs.
    #[doc(hidden)]
    fn seed<'t, S: Store<Self::Scalar>>(self, tape: &'t S) -> Self::Vars<'t, S>;
    /// Reads the inputs' adjoints after a sweep.
    #[doc(hidden)]
    fn adjoints<S: Store<Self::Scalar>>(tape: &S) -> Self;
}

impl<T: Scalar, const N: usize> Point for [T; N] {
    type Scalar = T;
    const LEN: usize = N;
    type Vars<'t, S: Store<T> + 't>
        = [Active<'t, T, S>; N]
    where
        T: 't;
    #[inline(always)]
    fn seed<'t, S: Store<T>>(self, tape: &'t S) -> [Active<'t, T, S>; N] {
        tape.inputs(self)
    }
    #[inline(always)]
    fn adjoints<S: Store<T>>(tape: &S) -> Self {
        tape.adjoints()
    }
}

/// A function of the variables of `X` on a tape with lifetime `'t`, returning `Y`: the bound
/// of the closure forms, which holds for every `'t` (so variables cannot leave the call).
///
/// It is `FnOnce(X::Vars<'t, Stack<'t, X::Scalar>>) -> Y` under another name, which lets `Y`
/// mention `'t`; every such closure or function implements it.
///
/// ```
/// use typegrad::tape::{Recording, Active};
/// fn takes<F: for<'t> Recording<'t, [f64; 2], Active<'t, f64>>>(_: F) {}
/// takes(|[x, y]| x * y);
/// ```
pub trait Recording<'t, X: Point + 't, Y>: FnOnce(X::Vars<'t, Stack<'t, X::Scalar>>) -> Y {}

impl<'t, X: Point + 't, Y, F: FnOnce(X::Vars<'t, Stack<'t, X::Scalar>>) -> Y> Recording<'t, X, Y>
    for F
{
}

/// The frame size up to which a gradient is compiled into its caller's function; a larger one
/// gets a function of its own, so that a call that does not run costs its caller no stack.
const INLINE_BYTES: usize = 4096;

/// `body()`, inline if its frame takes at most [`INLINE_BYTES`] (`bytes`), else in a function
/// of its own.
#[inline(always)]
fn framed<R>(bytes: usize, body: impl FnOnce() -> R) -> R {
    if bytes <= INLINE_BYTES {
        body()
    } else {
        outlined(body)
    }
}

/// `body()` in a function of its own.
#[inline(never)]
fn outlined<R>(body: impl FnOnce() -> R) -> R {
    body()
}

/// The bytes a closure form's tape of `CAP` records and the variables of `X` take.
#[inline(always)]
fn stack_bytes<X: Point, const CAP: usize>() -> usize {
    CAP * stack::record_bytes::<X::Scalar>() + X::LEN * size_of::<Active<'_, X::Scalar>>()
}

/// Records `f` at `x` on `tape` (cleared first) and returns the outputs.
#[inline(always)]
fn record<'t, X: Point, S: Store<X::Scalar>, Y>(
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
fn pull<'t, X: Point, S: Store<X::Scalar>, const AGAIN: bool>(
    tape: &'t S,
    y: Active<'t, X::Scalar, S>,
) -> Result<(X::Scalar, X), TapeError> {
    if y.tape.is_some_and(|t| !core::ptr::eq(t, tape)) {
        return Err(TapeError::Mixed);
    }
    tape.status()?;
    tape.sweep::<AGAIN>(y.i, y.s);
    Ok((y.v, X::adjoints(tape)))
}

/// The value and gradient of `f` at `x`, by reverse mode on a tape of `CAP` records made
/// inside the call (on the stack): the function is recorded once and swept back once.
///
/// `CAP` counts the inputs and every operation of two variables; operations of one
/// variable (`sin`, `powi`, `x * 2.0`, a variable with a constant) and of constants are free. If it is too small, the error says which capacity the recording needs. The
/// first generic argument is the point's type: write `_`.
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
    framed(stack_bytes::<X, CAP>(), || {
        let mut slots = stack::slots::<X::Scalar, CAP>();
        let tape = Stack::new(&mut slots);
        let y = record(&tape, f, *x);
        pull::<X, _, false>(&tape, y)
    })
}

/// The value and gradient of `f` at `x` on a caller-owned tape, which is cleared first and
/// can be reused; a generic function can be passed by name.
///
/// Variables of another tape used in `f` make it return [`TapeError::Mixed`].
///
/// ```
/// use typegrad::{tape::{self, Tape}, Float};
/// fn f<T: Float>([x, y]: [T; 2]) -> T {
///     x * y.exp()
/// }
/// let mut t = Tape::<f64, 8>::new();
/// assert_eq!(tape::gradient_on(&mut t, f, [3.0, 0.0]), Ok((3.0, [1.0, 3.0])));
/// assert_eq!(tape::gradient_on(&mut t, f, [1.0, 0.0]), Ok((1.0, [1.0, 1.0])));
/// ```
#[inline]
pub fn gradient_on<'t, T: Scalar, const CAP: usize, const N: usize>(
    tape: &'t mut Tape<T, CAP>,
    f: impl FnOnce([Active<'t, T, Tape<T, CAP>>; N]) -> Active<'t, T, Tape<T, CAP>>,
    x: [T; N],
) -> Result<(T, [T; N]), TapeError> {
    let tape: &'t Tape<T, CAP> = tape;
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
/// The generic arguments are the point's type (`_`), the capacity and the output count
/// (`_`).
///
/// ```
/// use typegrad::{tape, Float};
/// let (fx, j) = tape::jacobian::<_, 8, _>(|[x, y]| [x * y, x.sin() + y], [1.0_f64, 2.0])
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
    framed(stack_bytes::<X, CAP>(), || {
        let mut slots = stack::slots::<X::Scalar, CAP>();
        let tape = Stack::new(&mut slots);
        let y = record(&tape, f, *x);
        rows(&tape, y)
    })
}

/// [`jacobian`] on a caller-owned tape, cleared first; a generic function can be passed by
/// name.
///
/// ```
/// use typegrad::{tape::{self, Tape}, Float};
/// fn polar<T: Float>([r, a]: [T; 2]) -> [T; 2] {
///     [r * a.cos(), r * a.sin()]
/// }
/// let mut t = Tape::<f64, 8>::new();
/// let (fx, j) = tape::jacobian_on(&mut t, polar, [2.0, 0.0]).unwrap();
/// assert_eq!(fx, [2.0, 0.0]);
/// assert_eq!(j, [[1.0, -0.0], [0.0, 2.0]]);
/// ```
#[inline]
pub fn jacobian_on<'t, T: Scalar, const CAP: usize, const N: usize, const M: usize>(
    tape: &'t mut Tape<T, CAP>,
    f: impl FnOnce([Active<'t, T, Tape<T, CAP>>; N]) -> [Active<'t, T, Tape<T, CAP>>; M],
    x: [T; N],
) -> Result<([T; M], [[T; N]; M]), TapeError> {
    let tape: &'t Tape<T, CAP> = tape;
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
