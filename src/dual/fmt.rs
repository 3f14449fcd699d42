//! Formatting: `12 + [6, 3, 4]ε`, with the caller's precision applied to every number.

use core::fmt::{self, Debug, Display, Formatter, LowerExp, UpperExp};

use generic_array::ArrayLength;

use super::Dual;
use crate::Scalar;

/// Writes `value + [t₀, t₁, …]ε` (or `value + tε` for one tangent) with `number` per part.
fn write<T: Scalar, N: ArrayLength>(
    d: &Dual<T, N>,
    f: &mut Formatter<'_>,
    number: fn(&T, &mut Formatter<'_>) -> fmt::Result,
) -> fmt::Result {
    let one = |t: &T, f: &mut Formatter<'_>| {
        if T::COMPOUND {
            f.write_str("(")?;
            number(t, f)?;
            f.write_str(")")
        } else {
            number(t, f)
        }
    };
    one(&d.re, f)?;
    f.write_str(" + ")?;
    if let [t] = d.eps.as_slice() {
        one(t, f)?;
    } else {
        f.write_str("[")?;
        for (i, t) in d.eps.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            one(t, f)?;
        }
        f.write_str("]")?;
    }
    f.write_str("ε")
}

impl<T: Display + Scalar, N: ArrayLength> Display for Dual<T, N> {
    /// ```
    /// use typegrad::Dual;
    /// use typegrad::typenum::U2;
    /// let x = Dual::<f64, U2>::variable::<1>(1.5);
    /// assert_eq!(format!("{x}"), "1.5 + [0, 1]ε");
    /// assert_eq!(format!("{:.2}", Dual::<f64>::variable::<0>(1.0)), "1.00 + 1.00ε");
    /// let xx = Dual::<Dual<f64>>::variable::<0>(Dual::variable::<0>(2.0));
    /// assert_eq!(format!("{xx}"), "(2 + 1ε) + (1 + 0ε)ε");
    /// ```
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write(self, f, Display::fmt)
    }
}

impl<T: LowerExp + Scalar, N: ArrayLength> LowerExp for Dual<T, N> {
    /// ```
    /// use typegrad::Dual;
    /// assert_eq!(format!("{:e}", Dual::<f64>::variable::<0>(1500.0)), "1.5e3 + 1e0ε");
    /// ```
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write(self, f, LowerExp::fmt)
    }
}

impl<T: UpperExp + Scalar, N: ArrayLength> UpperExp for Dual<T, N> {
    /// ```
    /// use typegrad::Dual;
    /// assert_eq!(format!("{:E}", Dual::<f64>::variable::<0>(1500.0)), "1.5E3 + 1E0ε");
    /// ```
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write(self, f, UpperExp::fmt)
    }
}

impl<T: Debug, N: ArrayLength> Debug for Dual<T, N> {
    /// ```
    /// use typegrad::Dual;
    /// let x = Dual::<f64>::variable::<0>(2.0);
    /// assert_eq!(format!("{x:?}"), "Dual { value: 2.0, tangent: [1.0] }");
    /// ```
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.debug_struct("Dual")
            .field("value", &self.re)
            .field("tangent", &self.eps.as_slice())
            .finish()
    }
}
