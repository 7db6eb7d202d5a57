#include "allocation_count.h"

#include <stddef.h>

#if defined(__GLIBC__)
#include <errno.h>

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *pointer, size_t size);
extern void *__libc_memalign(size_t alignment, size_t size);

/* Per thread: a count is of the calls the counting thread makes, not of other threads' work.
 * Initial-exec TLS of the executable: reading it allocates nothing. */
static __thread int counting __attribute__((tls_model("initial-exec")));
static __thread uint64_t allocations __attribute__((tls_model("initial-exec")));

static inline void note(void) {
  if (__builtin_expect(counting, 0)) allocations += 1;
}

void *malloc(size_t size) { note(); return __libc_malloc(size); }
void *calloc(size_t count, size_t size) { note(); return __libc_calloc(count, size); }
void *realloc(void *pointer, size_t size) {
  /* A shrink or a free through realloc is no new allocation. */
  if (pointer == NULL || size > 0) note();
  return __libc_realloc(pointer, size);
}
void *memalign(size_t alignment, size_t size) { note(); return __libc_memalign(alignment, size); }
void *aligned_alloc(size_t alignment, size_t size) { note(); return __libc_memalign(alignment, size); }
int posix_memalign(void **out, size_t alignment, size_t size) {
  if (alignment % sizeof(void *) != 0 || (alignment & (alignment - 1)) != 0) return EINVAL;
  note();
  void *p = __libc_memalign(alignment, size);
  if (p == NULL) return ENOMEM;
  *out = p;
  return 0;
}

void crescent_count_allocations(int on) { counting = on ? 1 : 0; }
uint64_t crescent_allocation_count(void) { return allocations; }
int crescent_allocation_counting_available(void) { return 1; }

#else

void crescent_count_allocations(int on) { (void)on; }
uint64_t crescent_allocation_count(void) { return 0; }
int crescent_allocation_counting_available(void) { return 0; }

#endif
