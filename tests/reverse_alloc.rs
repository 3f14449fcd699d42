//! Reverse mode never touches the heap: a counting global allocator watches a workload of
//! gradients, `eval` loops, `bind`, `sum` over 64 array variables, `reverse::hessian` and
//! `reverse::hvp`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};

use typegrad::reverse::{self, Expr, sum, vars};

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// Whether this thread's allocations are being counted (the test harness's own
    /// threads may allocate meanwhile).
    static WATCHING: Cell<bool> = const { Cell::new(false) };
}

fn note() {
    if WATCHING.with(Cell::get) {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
    }
}

// SAFETY: every call is passed on unchanged to the system allocator.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note();
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        note();
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note();
        unsafe { System.realloc(ptr, layout, new_size) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Allocations made by `f` on this thread.
fn allocations(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    WATCHING.with(|w| w.set(true));
    f();
    WATCHING.with(|w| w.set(false));
    ALLOCATIONS.load(Ordering::Relaxed) - before
}

#[test]
fn reverse_mode_makes_no_heap_allocation() {
    // The counter works: a Vec is seen.
    assert_eq!(allocations(|| drop(black_box(vec![1.0_f64; 4]))), 1);

    let n = allocations(|| {
        // The closure form and the `vars` form, f64 and f32.
        let (v, g) = reverse::gradient(
            |(x, y, z)| (2.0 * x + y) * z,
            black_box((1.0_f64, 2.0, 3.0)),
        );
        black_box((v, g));
        let (x, y) = vars(black_box((2.0_f32, 3.0)));
        let e = y.powi(3) * 10.0 * x.sin().exp() + x.cos().powi(2);
        black_box((e.value(), e.gradient()));
        let e = x.atan2(y).hypot(x.powf(y)).mul_add(2.0, y) % 1.5;
        black_box(e.gradient());

        // An eval loop.
        let (x, y) = vars(black_box((0.5_f64, 2.0)));
        let mut s = (x * y).eval();
        for _ in 0..100 {
            s = (s * x + y).sin().eval();
        }
        black_box(s);

        // bind, chained and nested.
        let e = (x * y)
            .bind(|a| (a * a).sin())
            .bind(|a| (a * a).sin())
            .bind(|a| (a + x).bind(|b| b * a + y));
        black_box((e.value(), e.gradient()));

        // sum over 64 array variables, by reference and by value.
        let p = black_box([0.5_f64; 64]);
        let x = vars(p);
        let r = sum(x
            .windows(2)
            .map(|w| 100.0 * (w[1] - w[0] * w[0]).powi(2) + (1.0 - w[0]).powi(2)));
        black_box((r.value(), r.gradient()));
        let (v, g) =
            reverse::gradient(|x| sum(x.into_iter().map(|xi| xi.exp().bind(|a| a * a))), p);
        black_box((v, g));

        // Forward over reverse.
        let (v, g, h) = reverse::hessian(
            |(x, y)| y.powi(3) * 10.0 * x.sin().exp() + x.cos().powi(2),
            black_box((2.0_f64, 3.0)),
        );
        black_box((v, g, h));
        let (v, g, hv) = reverse::hvp(
            |x| sum(x.into_iter().map(|xi| xi.powi(3).bind(|a| a.sin()))),
            p,
            black_box([1.0; 64]),
        );
        black_box((v, g, hv));
    });
    assert_eq!(n, 0, "reverse mode allocated {n} times");
}
