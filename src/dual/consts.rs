//! The constants zero and one as associated constants (`ConstZero`, `ConstOne`), built at
//! compile time: the tangent array through generic-array's `ConstDefault`.

use const_default::ConstDefault;
use generic_array::{ArrayLength, GenericArray};
use num_traits::{ConstOne, ConstZero};

use super::Dual;
use crate::{Length, Scalar};

/// The constant zero, as [`Default`]: the zero value with zero tangents.
///
/// ```
/// use const_default::ConstDefault;
/// use typegrad::Dual;
/// const Z: Dual<Dual<f64>> = ConstDefault::DEFAULT;
/// assert_eq!(Z.value().value(), 0.0);
/// ```
impl<T: ConstDefault, N: ArrayLength> ConstDefault for Dual<T, N>
where
    GenericArray<T, N>: ConstDefault,
{
    const DEFAULT: Self = Dual {
        re: T::DEFAULT,
        eps: GenericArray::DEFAULT,
    };
}

/// The constant zero; the tangents are `ConstDefault::DEFAULT`, which is zero for `f32`,
/// `f64` and duals.
///
/// ```
/// use num_traits::ConstZero;
/// use typegrad::Dual;
/// use typegrad::typenum::U3;
/// const Z: Dual<f64, U3> = ConstZero::ZERO;
/// assert_eq!((Z.value(), Z.tangent().as_slice()), (0.0, &[0.0; 3][..]));
/// ```
impl<T: Scalar + ConstZero + ConstDefault, N: Length<T>> ConstZero for Dual<T, N>
where
    GenericArray<T, N>: ConstDefault,
{
    const ZERO: Self = Dual {
        re: T::ZERO,
        eps: GenericArray::DEFAULT,
    };
}

/// The constant one, with zero tangents.
///
/// ```
/// use num_traits::ConstOne;
/// use typegrad::Dual;
/// const ONE: Dual<Dual<f32>> = ConstOne::ONE;
/// assert_eq!(ONE.value().value(), 1.0);
/// assert_eq!(ONE.tangent()[0].value(), 0.0);
/// ```
impl<T: Scalar + ConstOne + ConstDefault, N: Length<T>> ConstOne for Dual<T, N>
where
    GenericArray<T, N>: ConstDefault,
{
    const ONE: Self = Dual {
        re: T::ONE,
        eps: GenericArray::DEFAULT,
    };
}
