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

#endif
