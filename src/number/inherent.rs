//! The inherent methods of a [`Number`](super::Number) type that `Float` lacks: any rule of
//! the table or of your own (`apply`, `apply2`), and the special functions (`erf`, …).

macro_rules! inherent_for {
    ([$($g:tt)*] $ty:ty, $t:ident, $name:literal, $pre:literal, $post:literal) => {
        impl<$($g)*> $ty {
            /// A constant, as `From<T>`; inherent, so that `from(c)` stays unambiguous when
            /// `num_traits::NumCast` (which has its own `from`) is in scope.
            ///
            /// ```
            /// use num_traits::NumCast;
            #[doc = $pre]
            #[doc = concat!("let c = <", $name, ">::from(2.0);")]
            /// assert_eq!((c.value(), NumCast::from(2_u8).map(|d: f64| d)), (2.0, Some(2.0)));
            #[doc = $post]
            /// ```
            #[allow(clippy::should_implement_trait)]
            #[inline(always)]
            pub fn from(c: $t) -> Self {
                $crate::number::Number::lift(c)
            }

            /// Any one-argument rule, the crate's or your own (see the [`rules`](crate::rules)
            /// module for one written out): its value and derivative, with the chain rule
            /// applied. The same rule works in every mode.
            ///
            /// ```
            /// use typegrad::rules::Sqrt;
            #[doc = $pre]
            /// assert_eq!(x.apply(Sqrt).value(), 0.5_f64.sqrt());
            #[doc = $post]
            /// ```
            #[inline(always)]
            pub fn apply<R: $crate::rules::Unary<$t>>(self, rule: R) -> Self {
                $crate::number::Number::map1(self, rule)
            }

            /// Any two-argument rule applied to `(self, other)`.
            ///
            /// ```
            /// use typegrad::rules::Hypot;
            #[doc = $pre]
            /// assert_eq!(x.apply2(x, Hypot).value(), 0.5_f64.hypot(0.5));
            #[doc = $post]
            /// ```
            #[inline(always)]
            pub fn apply2<R: $crate::rules::Binary<$t>>(self, other: Self, rule: R) -> Self {
                $crate::number::Number::map2(self, other, rule)
            }

            $crate::__special_unary!([$pre, $post] $crate::number::inherent::special);
        }
    };
}

/// An inherent method for each function of the special list.
macro_rules! special {
    ([$pre:literal, $post:literal] $($name:ident $rule:ident $doc:literal;)*) => {$(
        #[doc = $doc]
        ///
        /// ```
        #[doc = $pre]
        #[doc = concat!("assert_eq!(x.", stringify!($name), "().value(), libm::", stringify!($name), "(0.5));")]
        #[doc = $post]
        /// ```
        #[inline(always)]
        pub fn $name(self) -> Self {
            $crate::number::Number::map1(self, $crate::rules::$rule)
        }
    )*};
}

pub(crate) use {inherent_for, special};
