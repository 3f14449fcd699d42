//! Plain inputs and the variables they become: tuples (indices in the types) and arrays
//! (runtime indices).

use generic_array::{ConstArrayLength, GenericArray, IntoArrayLength};
use typenum::Const;

use super::array::VarArray;
use super::leaf::Var;
use crate::array::indexed;
use crate::{Length, Scalar};

pub(crate) mod token {
    /// Proof that a call comes from this crate: only it makes variables, so a set's brand
    /// cannot be forged.
    #[derive(Clone, Copy, Debug)]
    pub struct Token(pub(crate) ());
}
use token::Token;

/// Plain inputs that [`vars!`](crate::vars) and the closure forms turn into variables: a
/// tuple of 1 to 12 scalars (variables with their index in the type) or an array (variables
/// of one type, runtime indices).
///
/// ```
/// use typegrad::reverse::{vars, Expr, Inputs};
/// fn count<X: Inputs>(_: &X) -> usize {
///     <X::Len as typegrad::typenum::Unsigned>::USIZE
/// }
/// assert_eq!(count(&(1.0_f64, 2.0)), 2);
/// assert_eq!(count(&[1.0_f32; 8]), 8);
/// ```
pub trait Inputs: Sized {
    /// The scalar type.
    type Scalar: Scalar;
    /// The number of inputs.
    type Len: Length<Self::Scalar>;
    /// The variables, in set `S`.
    type Vars<S>;
    /// The inputs as a plain array, `[T; N]`.
    type Array;
    /// A square matrix over the inputs, `[[T; N]; N]`.
    type Matrix;
    /// The same shape holding another scalar type.
    type With<U: Scalar>;

    /// Each input as a variable of set `S`; only this crate calls it.
    #[doc(hidden)]
    fn vars<S>(self, _: Token) -> Self::Vars<S>;
    /// A gradient as a plain array.
    ///
    /// ```
    /// use typegrad::reverse::{vars, Expr, Inputs};
    /// let (x, y) = vars!((1.0_f64, 2.0));
    /// assert_eq!(<(f64, f64)>::array((x * y).gradient()), [2.0, 1.0]);
    /// ```
    fn array(g: GenericArray<Self::Scalar, Self::Len>) -> Self::Array;
    /// Rows as a plain matrix.
    ///
    /// ```
    /// use typegrad::generic_array::GenericArray;
    /// use typegrad::reverse::Inputs;
    /// let rows = GenericArray::from([GenericArray::from([1.0, 2.0]), GenericArray::from([3.0, 4.0])]);
    /// assert_eq!(<[f64; 2]>::matrix(rows), [[1.0, 2.0], [3.0, 4.0]]);
    /// ```
    fn matrix(rows: GenericArray<GenericArray<Self::Scalar, Self::Len>, Self::Len>)
    -> Self::Matrix;
    /// The inputs as a generic array.
    ///
    /// ```
    /// use typegrad::reverse::Inputs;
    /// assert_eq!((1.0_f64, 2.0).values().as_slice(), &[1.0, 2.0]);
    /// ```
    fn values(self) -> GenericArray<Self::Scalar, Self::Len>;
    /// Each input mapped with its index.
    ///
    /// ```
    /// use typegrad::reverse::Inputs;
    /// assert_eq!((1.0_f64, 2.0).map(|i, x| x + i as f64), (1.0, 3.0));
    /// ```
    fn map<U: Scalar>(self, f: impl FnMut(usize, Self::Scalar) -> U) -> Self::With<U>;
}

macro_rules! tuple_inputs {
    ($n:literal: $($i:tt $x:ident),+) => {
        impl<T: Scalar> Inputs for ($(tuple_inputs!(@T $x),)+) {
            type Scalar = T;
            type Len = ConstArrayLength<$n>;
            type Vars<S> = ($(Var<T, $i, $n, S>,)+);
            type Array = [T; $n];
            type Matrix = [[T; $n]; $n];
            type With<U: Scalar> = ($(tuple_inputs!(@S $x U),)+);
            #[inline(always)]
            fn vars<S>(self, _: Token) -> Self::Vars<S> {
                ($(Var::new(self.$i),)+)
            }
            #[inline(always)]
            fn array(g: GenericArray<T, Self::Len>) -> [T; $n] {
                g.into()
            }
            #[inline(always)]
            fn matrix(rows: GenericArray<GenericArray<T, Self::Len>, Self::Len>) -> Self::Matrix {
                <[GenericArray<T, Self::Len>; $n]>::from(rows).map(Into::into)
            }
            #[inline(always)]
            fn values(self) -> GenericArray<T, Self::Len> {
                [$(self.$i),+].into()
            }
            #[inline(always)]
            fn map<U: Scalar>(self, mut f: impl FnMut(usize, T) -> U) -> Self::With<U> {
                ($(f($i, self.$i),)+)
            }
        }
    };
    (@T $x:ident) => { T };
    (@S $x:ident $s:ident) => { $s };
}
tuple_inputs!(1: 0 a);
tuple_inputs!(2: 0 a, 1 b);
tuple_inputs!(3: 0 a, 1 b, 2 c);
tuple_inputs!(4: 0 a, 1 b, 2 c, 3 d);
tuple_inputs!(5: 0 a, 1 b, 2 c, 3 d, 4 e);
tuple_inputs!(6: 0 a, 1 b, 2 c, 3 d, 4 e, 5 f);
tuple_inputs!(7: 0 a, 1 b, 2 c, 3 d, 4 e, 5 f, 6 g);
tuple_inputs!(8: 0 a, 1 b, 2 c, 3 d, 4 e, 5 f, 6 g, 7 h);
tuple_inputs!(9: 0 a, 1 b, 2 c, 3 d, 4 e, 5 f, 6 g, 7 h, 8 i);
tuple_inputs!(10: 0 a, 1 b, 2 c, 3 d, 4 e, 5 f, 6 g, 7 h, 8 i, 9 j);
tuple_inputs!(11: 0 a, 1 b, 2 c, 3 d, 4 e, 5 f, 6 g, 7 h, 8 i, 9 j, 10 k);
tuple_inputs!(12: 0 a, 1 b, 2 c, 3 d, 4 e, 5 f, 6 g, 7 h, 8 i, 9 j, 10 k, 11 l);

impl<T: Scalar, const N: usize> Inputs for [T; N]
where
    Const<N>: IntoArrayLength<ArrayLength: Length<T>>,
{
    type Scalar = T;
    type Len = ConstArrayLength<N>;
    type Vars<S> = VarArray<T, N, S>;
    type Array = [T; N];
    type Matrix = [[T; N]; N];
    type With<U: Scalar> = [U; N];
    #[inline(always)]
    fn vars<S>(self, _: Token) -> Self::Vars<S> {
        VarArray::new(self)
    }
    #[inline(always)]
    fn array(g: GenericArray<T, Self::Len>) -> [T; N] {
        g.into()
    }
    #[inline(always)]
    fn matrix(rows: GenericArray<GenericArray<T, Self::Len>, Self::Len>) -> Self::Matrix {
        <[GenericArray<T, Self::Len>; N]>::from(rows).map(Into::into)
    }
    #[inline(always)]
    fn values(self) -> GenericArray<T, Self::Len> {
        self.into()
    }
    #[inline(always)]
    fn map<U: Scalar>(self, f: impl FnMut(usize, T) -> U) -> [U; N] {
        indexed(self, f)
    }
}
