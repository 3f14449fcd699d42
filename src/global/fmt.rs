//! Formatting: a variable prints as its value; `Debug` adds its record.

use core::fmt::{self, Debug, Display, Formatter, LowerExp, UpperExp};

use super::Var;
use super::store::{CONSTANT, NONE};

macro_rules! as_value {
    ($($Fmt:ident),*) => {$(
        impl<T: $Fmt, G> $Fmt for Var<T, G> {
            /// The value, with the caller's formatting options.
            ///
            /// ```
            /// use typegrad::global::Var;
            /// typegrad::global_tape!(Tape: f64, 1);
            /// let c = Var::<f64, Tape>::constant(1500.0);
            /// assert_eq!(format!("{c} {c:.1} {c:e} {c:E}"), "1500 1500.0 1.5e3 1.5E3");
            /// ```
            fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                $Fmt::fmt(&self.v, f)
            }
        }
    )*};
}
as_value!(Display, LowerExp, UpperExp);

impl<T: Debug, G> Debug for Var<T, G> {
    /// ```
    /// use typegrad::global::{self, Var};
    /// typegrad::global_tape!(Tape: f64, 2);
    /// assert_eq!(format!("{:?}", Var::<f64, Tape>::constant(2.0)), "Var { value: 2.0, record: None }");
    /// let _ = global::gradient::<Tape, _>(|[x]| {
    ///     assert_eq!(format!("{x:?}"), "Var { value: 1.0, record: Some(0) }");
    ///     x
    /// }, [1.0]);
    /// ```
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let record = (self.id != CONSTANT && self.i != NONE).then_some(self.i);
        f.debug_struct("Var")
            .field("value", &self.v)
            .field("record", &record)
            .finish()
    }
}
