//! A planar arm of three links: the end effector's position as a function of the joint
//! angles, and its 2 × 3 Jacobian.

use typegrad::reverse::{Expr, vars};

use crate::Real;
use crate::backends::Vector;

/// The link lengths.
const L: [f64; 3] = [1.0, 0.8, 0.5];

/// Forward kinematics: `(x, y)` of the end effector.
pub struct Arm;

impl Vector<3, 2> for Arm {
    #[inline(always)]
    fn f<T: Real>(&self, [t1, t2, t3]: [T; 3]) -> [T; 2] {
        let a2 = t1 + t2;
        let a3 = a2 + t3;
        [
            t1.cos() * L[0] + a2.cos() * L[1] + a3.cos() * L[2],
            t1.sin() * L[0] + a2.sin() * L[1] + a3.sin() * L[2],
        ]
    }
}

/// The point (radians).
pub const POINT: [f64; 3] = [0.3, -0.7, 1.1];

/// The position and Jacobian.
pub type Jac = ([f64; 2], [[f64; 3]; 2]);

/// By hand, as a robotics text writes it: each joint moves everything beyond it.
#[inline(never)]
pub fn hand([t1, t2, t3]: [f64; 3]) -> Jac {
    let a2 = t1 + t2;
    let a3 = a2 + t3;
    let (s1, c1) = t1.sin_cos();
    let (s2, c2) = a2.sin_cos();
    let (s3, c3) = a3.sin_cos();
    let (x1, x2, x3) = (c1 * L[0], c2 * L[1], c3 * L[2]);
    let (y1, y2, y3) = (s1 * L[0], s2 * L[1], s3 * L[2]);
    let (x23, y23) = (x2 + x3, y2 + y3);
    (
        [x1 + x23, y1 + y23],
        [[-(y1 + y23), -y23, -y3], [x1 + x23, x23, x3]],
    )
}

/// typegrad reverse mode: one reverse pass per output.
#[inline(never)]
pub fn reverse(t: [f64; 3]) -> Jac {
    let (t1, t2, t3) = vars!((t[0], t[1], t[2]));
    let a2 = t1 + t2;
    let a3 = a2 + t3;
    let x = t1.cos() * L[0] + a2.cos() * L[1] + a3.cos() * L[2];
    let y = t1.sin() * L[0] + a2.sin() * L[1] + a3.sin() * L[2];
    (
        [x.value(), y.value()],
        [x.gradient().into(), y.gradient().into()],
    )
}
