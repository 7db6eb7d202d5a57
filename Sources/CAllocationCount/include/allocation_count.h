#ifndef CALLOCATION_COUNT_H
#define CALLOCATION_COUNT_H
/*
 * Counts heap allocations (malloc, calloc, realloc, aligned_alloc, posix_memalign, memalign)
 * by the calling thread while it has counting on, for `crescent bench bridge`. The functions
 * defined here take the place of the C library's in the `crescent` executable and forward to
 * glibc's own (`__libc_malloc` and its kin); with counting off they only forward.
 */
#include <stdint.h>

/* Starts (1) or stops (0) counting on the calling thread. */
void crescent_count_allocations(int on);
/* Allocations the calling thread counted so far. */
uint64_t crescent_allocation_count(void);
/* Whether this build counts at all (0 where the C library gives no way to forward). */
int crescent_allocation_counting_available(void);

#endif
