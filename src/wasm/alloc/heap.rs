//! The allocator itself (see the parent module).

use core::alloc::{GlobalAlloc, Layout};
use core::arch::wasm32;
use core::cell::UnsafeCell;
use core::ptr;

use super::{class, ALIGN, CLASSES};

#[global_allocator]
static ALLOCATOR: SizeClasses = SizeClasses(UnsafeCell::new(State {
    free: [ptr::null_mut(); CLASSES],
    next: 0,
    end: 0,
}));

const PAGE: usize = 65536;
/// Memory is asked for at least this much at a time.
const GROW_PAGES: usize = 16;

struct SizeClasses(UnsafeCell<State>);

// SAFETY: wasm32 without the atomics feature has a single thread.
unsafe impl Sync for SizeClasses {}

struct State {
    /// The first free block of each class; a free block holds the next one's address.
    free: [*mut u8; CLASSES],
    /// Where the next new block is cut, and where the memory grown so far ends.
    next: usize,
    end: usize,
}

impl State {
    // Not inlined: the speed build would otherwise copy it into every caller (+80 kB).
    #[inline(never)]
    unsafe fn alloc(&mut self, size: usize) -> *mut u8 {
        let Some((class, block)) = class(size) else {
            return ptr::null_mut();
        };
        let head = self.free[class];
        if !head.is_null() {
            self.free[class] = unsafe { head.cast::<*mut u8>().read() };
            return head;
        }
        if self.end - self.next < block && !self.grow(block) {
            return ptr::null_mut();
        }
        let at = self.next;
        self.next += block;
        at as *mut u8
    }

    #[inline(never)]
    unsafe fn free(&mut self, block: *mut u8, size: usize) {
        if let Some((class, _)) = class(size) {
            unsafe { block.cast::<*mut u8>().write(self.free[class]) };
            self.free[class] = block;
        }
    }

    /// Makes room for a block of `size` bytes at `next`. What was left of the memory before
    /// (when something else grew it in between) is given up.
    fn grow(&mut self, size: usize) -> bool {
        let pages = size.div_ceil(PAGE).max(GROW_PAGES);
        let previous = wasm32::memory_grow(0, pages);
        if previous == usize::MAX {
            return false;
        }
        let start = previous * PAGE;
        if start != self.end {
            self.next = start;
        }
        self.end = start + pages * PAGE;
        true
    }
}

impl SizeClasses {
    /// Alignments above [`ALIGN`] (nothing in walint asks for one): a block `align` bytes
    /// larger, the address returned rounded up inside it, and the block's own address kept in
    /// the four bytes before it.
    unsafe fn alloc_aligned(&self, state: &mut State, layout: Layout) -> *mut u8 {
        let Some(size) = layout.size().checked_add(layout.align()) else {
            return ptr::null_mut();
        };
        let block = unsafe { state.alloc(size) };
        if block.is_null() {
            return block;
        }
        let aligned = (block as usize + layout.align()) & !(layout.align() - 1);
        unsafe { (aligned as *mut u32).sub(1).write(block as u32) };
        aligned as *mut u8
    }
}

unsafe impl GlobalAlloc for SizeClasses {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let state = unsafe { &mut *self.0.get() };
        if layout.align() > ALIGN {
            return unsafe { self.alloc_aligned(state, layout) };
        }
        unsafe { state.alloc(layout.size()) }
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        let state = unsafe { &mut *self.0.get() };
        if layout.align() > ALIGN {
            let start = unsafe { (block as *const u32).sub(1).read() } as usize as *mut u8;
            unsafe { state.free(start, layout.size() + layout.align()) };
        } else {
            unsafe { state.free(block, layout.size()) };
        }
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // Growing or shrinking within the block's class keeps the block.
        if layout.align() <= ALIGN && class(layout.size()) == class(new_size) {
            return block;
        }
        // SAFETY: the caller guarantees what `GlobalAlloc::realloc` requires.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        let new = unsafe { self.alloc(new_layout) };
        if !new.is_null() {
            unsafe {
                ptr::copy_nonoverlapping(block, new, layout.size().min(new_size));
                self.dealloc(block, layout);
            }
        }
        new
    }
}
