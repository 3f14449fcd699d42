//! Formatting: a variable prints as its value; `Debug` adds its record's index.

use core::fmt::{self, Debug, Display, Formatter, LowerExp, UpperExp};

use super::{Active, NONE};

macro_rules! as_value {
    ($($Fmt:ident),*) => {$(
        impl<T: $Fmt, const CAP: usize> $Fmt for Active<'_, T, CAP> {
            /// The value, with the caller's formatting options.
            ///
            /// ```
            /// use typegrad::tape::Active;
            /// let c = Active::<f64, 1>::from(1500.0);
            /// assert_eq!(format!("{c} {c:.1} {c:e} {c:E}"), "1500 1500.0 1.5e3 1.5E3");
            /// ```
            fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                $Fmt::fmt(&self.v, f)
            }
        }
    )*};
}
as_value!(Display, LowerExp, UpperExp);

impl<T: Debug, const CAP: usize> Debug for Active<'_, T, CAP> {
    /// ```
    /// use typegrad::tape::{self, Active};
    /// assert_eq!(format!("{:?}", Active::<f64, 1>::from(2.0)), "Active { value: 2.0, record: None }");
    /// let _ = tape::gradient::<_, 2>(|[x]| {
    ///     assert_eq!(format!("{x:?}"), "Active { value: 1.0, record: Some(0) }");
    ///     x
    /// }, [1.0_f64]);
    /// ```
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let record = (self.tape.is_some() && self.i != NONE).then_some(self.i);
        f.debug_struct("Active")
            .field("value", &self.v)
            .field("record", &record)
            .finish()
    }
}
