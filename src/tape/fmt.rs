//! Formatting: a variable prints as its value; `Debug` adds its record's index.

use core::fmt::{self, Debug, Display, Formatter, LowerExp, UpperExp};

use super::Active;
use super::store::Store;
use crate::Scalar;

macro_rules! as_value {
    ($($Fmt:ident),*) => {$(
        impl<T: Scalar + $Fmt, S: Store<T>> $Fmt for Active<'_, T, S> {
            /// The value, with the caller's formatting options.
            ///
            /// ```
            /// use typegrad::tape::Active;
            /// let c: Active<f64> = 1500.0.into();
            /// assert_eq!(format!("{c} {c:.1} {c:e} {c:E}"), "1500 1500.0 1.5e3 1.5E3");
            /// ```
            fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                $Fmt::fmt(&self.v, f)
            }
        }
    )*};
}
as_value!(Display, LowerExp, UpperExp);

impl<T: Scalar + Debug, S: Store<T>> Debug for Active<'_, T, S> {
    /// ```
    /// use typegrad::tape::{self, Active};
    /// let c: Active<f64> = 2.0.into();
    /// assert_eq!(format!("{c:?}"), "Active { value: 2.0, record: None }");
    /// let _ = tape::gradient::<_, 2>(|[x]| {
    ///     assert_eq!(format!("{x:?}"), "Active { value: 1.0, record: Some(0) }");
    ///     x
    /// }, [1.0_f64]);
    /// ```
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let record = self.tape.and_then(|_| S::position(self.i));
        f.debug_struct("Active")
            .field("value", &self.v)
            .field("record", &record)
            .finish()
    }
}
