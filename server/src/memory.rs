//! How the server's memory goes back to the system. Rust's default allocator is the C
//! library's malloc; glibc's keeps freed memory for reuse, per thread arena, and once
//! a large block (over its threshold, 128 KiB at first) has been freed it raises that
//! threshold to the block's size, so later large blocks come from the arenas too and
//! stay there. A flood of log-ins (Argon2 takes 19 MiB per check, on whichever
//! blocking thread is free) or of large pictures then leaves the process hundreds of
//! MiB larger for good (bench/abuse measured 174 MiB after a log-in flood).
//!
//! Two settings fix it (the same as `MALLOC_MMAP_THRESHOLD_` and `MALLOC_ARENA_MAX`,
//! set here so that no deployment can forget them): blocks of [`OWN_PAGES_FROM`] and
//! more always get pages of their own, returned when freed; and at most
//! [`ARENAS`] arenas.

/// Blocks from this size up are mapped on their own and unmapped when freed.
const OWN_PAGES_FROM: i32 = 1 << 20;
/// Allocation arenas at most: a few threads share each, a little contention for much
/// less memory kept back.
const ARENAS: i32 = 4;

/// Applies the settings above; call it first thing, before other threads start.
pub fn give_large_blocks_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes allocator parameters; called before any other thread
    // exists, as glibc asks.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, OWN_PAGES_FROM);
        libc::mallopt(libc::M_ARENA_MAX, ARENAS);
    }
}
