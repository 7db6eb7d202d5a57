#ifndef CK_GEMM_H
#define CK_GEMM_H
#include "ck_cpu.h"

/*
 * Building blocks of the packed float32 GEMM (Goto/BLIS style). The Swift driver
 * (Tensors/Kernels/Gemm.swift) chooses the blocking and the threads; C does the
 * packing and the register-blocked micro-kernels.
 *
 * Packed A: ceil(m/MR) panels, each kc x MR (k-major: MR consecutive rows of one
 * column k), rows past m zero-filled.  Packed B: ceil(n/NR) panels, each kc x NR
 * (NR consecutive columns of one row k), columns past n zero-filled.
 * Every output element is accumulated over k in order by the same code path,
 * whatever the tile it lands in, so results do not depend on how work is split.
 */

/// Micro-tile height (MR) and width (NR) of the micro-kernel of `isa`.
int ck_gemm_mr(ck_isa isa);
int ck_gemm_nr(ck_isa isa);

/// Packs the m x k block of op(A) whose top-left element is at `a`.
/// trans == 0: element (i, p) is a[i*lda + p]; trans != 0: a[p*lda + i].
void ck_gemm_pack_a(ck_isa isa, int trans, const float *a, long lda,
                    long m, long k, float *dst);

/// Packs the k x n block of op(B) whose top-left element is at `b`.
/// trans == 0: element (p, j) is b[p*ldb + j]; trans != 0: b[j*ldb + p].
void ck_gemm_pack_b(ck_isa isa, int trans, const float *b, long ldb,
                    long k, long n, float *dst);

/// Memory to pull into cache while the micro-kernels run: `rows` runs of `row_floats`
/// floats, `ld` floats apart. The driver points it at the source of the next B block it
/// will pack, so that packing (otherwise bound by DRAM latency) finds it in cache.
typedef struct {
  const float *base;
  long ld, rows, row_floats;
} ck_gemm_prefetch;

/// C[0..m, 0..n] = alpha * Apacked * Bpacked + beta * C over a depth of kc.
/// beta == 0 never reads C.  `ap` holds ceil(m/MR) panels, `bp` ceil(n/NR) panels.
/// The prefetches of `pf` (rows == 0: none) are spread over the tiles.
void ck_gemm_macro(ck_isa isa, long m, long n, long kc,
                   const float *ap, const float *bp,
                   float *c, long ldc, float alpha, float beta, ck_gemm_prefetch pf);

/// Shared counters for the driver's threads (Swift's atomics need macOS 15): an atomic
/// fetch-and-add and an acquiring load on a `long`, and a spin-wait hint.
static inline long ck_gemm_fetch_add(long *p, long v) {
  return __atomic_fetch_add(p, v, __ATOMIC_ACQ_REL);
}
static inline long ck_gemm_load(const long *p) { return __atomic_load_n(p, __ATOMIC_ACQUIRE); }
static inline void ck_gemm_relax(void) {
#if defined(__x86_64__)
  __builtin_ia32_pause();
#elif defined(__aarch64__)
  __asm__ __volatile__("yield");
#endif
}

#ifdef CK_GEMM_INTERNAL
/* For the micro-kernel files only (Swift does not see this): a cursor over the cache
 * lines of a ck_gemm_prefetch region, which the tiles of one macro-kernel call share,
 * each issuing its part spread along its k loop. */
typedef struct {
  const char *row;  /* current row */
  long ld_bytes, rows_left, line, lines_per_row;
  long per_tile;    /* prefetches each tile issues */
} ck_pf_cursor;

static inline ck_pf_cursor ck_pf_start(ck_gemm_prefetch pf, long tiles) {
  ck_pf_cursor q = {(const char *)pf.base, pf.ld * 4, pf.base ? pf.rows : 0, 0,
                    (pf.row_floats + 15) / 16, 0};
  long lines = q.rows_left * q.lines_per_row;
  q.per_tile = tiles > 0 ? (lines + tiles - 1) / tiles : 0;
  return q;
}

/* Prefetches the next line (into L1: it is read soon, by the packing of the next block). */
static inline void ck_pf_next(ck_pf_cursor *q) {
  if (q->rows_left <= 0) return;
  __builtin_prefetch(q->row + 64 * q->line, 0, 3);
  if (++q->line == q->lines_per_row) {
    q->line = 0;
    q->row += q->ld_bytes;
    q->rows_left--;
  }
}

/* k iterations between two prefetches of one tile of depth kc. */
static inline long ck_pf_chunk(const ck_pf_cursor *q, long kc) {
  long chunk = q->per_tile > 0 ? kc / q->per_tile : kc;
  return chunk < 1 ? 1 : chunk;
}
#endif /* CK_GEMM_INTERNAL */

#endif
