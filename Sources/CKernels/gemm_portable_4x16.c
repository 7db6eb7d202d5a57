/* Portable 4x16 micro-kernel in plain C: fixed-size loops the compiler unrolls and
 * vectorises (SSE2 on x86-64, NEON on arm64). */
#define CK_GEMM_INTERNAL
#include "ck_gemm.h"
#include "gemm_pack.h"
#include "kernel_table.h"

enum { PMR = 4, PNR = 16 };

static inline void tile_4x16(long kc, const float *a, const float *b, float *c, long ldc,
                             long mr, long nr, float alpha, float beta, ck_pf_cursor *q) {
  float acc[PMR][PNR] = {{0}};
  /* This tile's share of the prefetches, issued up front: splitting the k loop to spread
   * them (as the intrinsic kernels do) stops the compiler keeping acc in registers. */
  for (long t = 0; t < q->per_tile; t++) ck_pf_next(q);
  for (long p = 0; p < kc; p++) {
    for (int i = 0; i < PMR; i++) {
      float ai = a[i];
      for (int j = 0; j < PNR; j++) acc[i][j] += ai * b[j];
    }
    a += PMR;
    b += PNR;
  }
  for (long i = 0; i < mr; i++) {
    float *ci = c + i * ldc;
    if (beta == 0) {
      for (long j = 0; j < nr; j++) ci[j] = alpha * acc[i][j];
    } else {
      for (long j = 0; j < nr; j++) ci[j] = alpha * acc[i][j] + beta * ci[j];
    }
  }
}

static void macro_4x16(long m, long n, long kc, const float *ap, const float *bp,
                       float *c, long ldc, float alpha, float beta, ck_gemm_prefetch pf) {
  ck_pf_cursor q = ck_pf_start(pf, ((m + PMR - 1) / PMR) * ((n + PNR - 1) / PNR));
  for (long i = 0; i < m; i += PMR) {
    const float *a = ap + i * kc;
    for (long j = 0; j < n; j += PNR) {
      tile_4x16(kc, a, bp + j * kc, c + i * ldc + j, ldc,
                m - i < PMR ? m - i : PMR, n - j < PNR ? n - j : PNR, alpha, beta, &q);
    }
  }
}

static void pack_a_4(int trans, const float *a, long lda, long m, long k, float *dst) {
  ck_gemm_pack_a_generic(trans, a, lda, m, k, PMR, dst);
}
static void pack_b_16(int trans, const float *b, long ldb, long k, long n, float *dst) {
  ck_gemm_pack_b_generic(trans, b, ldb, k, n, PNR, dst);
}

const ck_gemm_kernels ck_gemm_portable_4x16 = {PMR, PNR, pack_a_4, pack_b_16, macro_4x16};
