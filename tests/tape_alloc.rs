//! The tape never allocates: a counting global allocator sees no allocation across tape
//! gradients and Jacobians (its own test binary, so nothing else shares the allocator).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use typegrad::Float;
use typegrad::tape::{self, Tape};

/// `System`, counting this thread's allocations.
struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn f<T: Float>(x: [T; 64]) -> T {
    x.iter().zip(&x[1..]).fold(T::zero(), |s, (&a, &b)| {
        s + (a * b).sin() + a.exp().hypot(b).powi(3)
    })
}

#[test]
fn tape_gradients_do_not_allocate() {
    let x: [f64; 64] = core::array::from_fn(|i| i as f64 / 64.0);
    let mut t = Tape::<f64, 512>::new();
    let before = ALLOCATIONS.with(Cell::get);
    let mut sum = 0.0;
    for _ in 0..10 {
        let (v, g) = tape::gradient::<_, 512>(|x| f(x), x).unwrap();
        let (w, h) = tape::gradient_on(&mut t, f, x).unwrap();
        let (fx, j) = tape::jacobian::<_, 512, 2>(|x| [f(x), x[0] * x[1]], x).unwrap();
        let overflow = tape::gradient::<_, 8>(|x| f(x), x);
        sum += v + g[0] + w + h[1] + fx[1] + j[1][0] + overflow.map_or(1.0, |r| r.0);
    }
    let after = ALLOCATIONS.with(Cell::get);
    assert!(sum.is_finite());
    assert_eq!(after - before, 0, "the tape allocated");
    // The counter works.
    let v = std::hint::black_box(vec![1, 2, 3]);
    assert_eq!(ALLOCATIONS.with(Cell::get) - after, 1, "{v:?}");
}
