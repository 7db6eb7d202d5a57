/* AVX2 + FMA 6x16 micro-kernel: 12 ymm accumulators, 2 B loads and 6 broadcasts per k. */
#define CK_GEMM_INTERNAL
#include "ck_gemm.h"
#include "gemm_pack.h"
#include "kernel_table.h"

#if defined(__x86_64__)
#include <immintrin.h>
#define CK_AVX2 __attribute__((target("avx2,fma")))

enum { AMR = 6, ANR = 16 };

/* One row of the tile: C = alpha*acc (+ beta*C), lanes >= nr masked off. */
CK_AVX2 static inline void store8(float *c, __m256 acc, __m256i mask, int full,
                                  __m256 va, float beta) {
  __m256 t = _mm256_mul_ps(va, acc);
  if (full) {
    if (beta != 0) t = _mm256_fmadd_ps(_mm256_set1_ps(beta), _mm256_loadu_ps(c), t);
    _mm256_storeu_ps(c, t);
  } else {
    if (beta != 0) t = _mm256_fmadd_ps(_mm256_set1_ps(beta), _mm256_maskload_ps(c, mask), t);
    _mm256_maskstore_ps(c, mask, t);
  }
}

CK_AVX2 static inline void tile_6x16(long kc, const float *a, const float *b, float *c,
                                     long ldc, long mr, long nr, float alpha, float beta,
                                     ck_pf_cursor *q) {
  __m256 c00 = _mm256_setzero_ps(), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
  __m256 c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
  long npf = q->per_tile, chunk = ck_pf_chunk(q, kc);
  for (long p = 0; p < kc;) {
    long end = kc - p > chunk ? p + chunk : kc;
    for (; p < end; p++) {
      __m256 b0 = _mm256_loadu_ps(b), b1 = _mm256_loadu_ps(b + 8), ai;
      ai = _mm256_broadcast_ss(a + 0); c00 = _mm256_fmadd_ps(ai, b0, c00); c01 = _mm256_fmadd_ps(ai, b1, c01);
      ai = _mm256_broadcast_ss(a + 1); c10 = _mm256_fmadd_ps(ai, b0, c10); c11 = _mm256_fmadd_ps(ai, b1, c11);
      ai = _mm256_broadcast_ss(a + 2); c20 = _mm256_fmadd_ps(ai, b0, c20); c21 = _mm256_fmadd_ps(ai, b1, c21);
      ai = _mm256_broadcast_ss(a + 3); c30 = _mm256_fmadd_ps(ai, b0, c30); c31 = _mm256_fmadd_ps(ai, b1, c31);
      ai = _mm256_broadcast_ss(a + 4); c40 = _mm256_fmadd_ps(ai, b0, c40); c41 = _mm256_fmadd_ps(ai, b1, c41);
      ai = _mm256_broadcast_ss(a + 5); c50 = _mm256_fmadd_ps(ai, b0, c50); c51 = _mm256_fmadd_ps(ai, b1, c51);
      a += AMR;
      b += ANR;
    }
    if (npf > 0) {
      ck_pf_next(q);
      npf--;
    }
  }
  while (npf-- > 0) ck_pf_next(q);
  __m256 acc[AMR][2] = {{c00, c01}, {c10, c11}, {c20, c21}, {c30, c31}, {c40, c41}, {c50, c51}};
  __m256i lane = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
  __m256i m0 = _mm256_cmpgt_epi32(_mm256_set1_epi32((int)nr), lane);
  __m256i m1 = _mm256_cmpgt_epi32(_mm256_set1_epi32((int)nr - 8), lane);
  int full = nr == ANR;
  __m256 va = _mm256_set1_ps(alpha);
  for (long i = 0; i < mr; i++) {
    float *ci = c + i * ldc;
    store8(ci, acc[i][0], m0, full, va, beta);
    if (nr > 8) store8(ci + 8, acc[i][1], m1, full, va, beta);
  }
}

CK_AVX2 static void macro_6x16(long m, long n, long kc, const float *ap, const float *bp,
                                float *c, long ldc, float alpha, float beta,
                            ck_gemm_prefetch pf) {
  ck_pf_cursor q = ck_pf_start(pf, ((m + AMR - 1) / AMR) * ((n + ANR - 1) / ANR));
  for (long i = 0; i < m; i += AMR) {
    const float *a = ap + i * kc;
    for (long j = 0; j < n; j += ANR) {
      tile_6x16(kc, a, bp + j * kc, c + i * ldc + j, ldc,
                m - i < AMR ? m - i : AMR, n - j < ANR ? n - j : ANR, alpha, beta, &q);
    }
  }
}

/* The AVX2 packing serves both x86 tables (MR = 6 <= 8). */
static void pack_a_6(int trans, const float *a, long lda, long m, long k, float *dst) {
  ck_gemm_pack_a_avx2(trans, a, lda, m, k, AMR, dst);
}
static void pack_b_16(int trans, const float *b, long ldb, long k, long n, float *dst) {
  if (trans) ck_gemm_pack_b_trans_avx2(b, ldb, k, n, ANR, dst);
  else ck_gemm_pack_b_nn_avx2(b, ldb, k, n, ANR, dst);
}

const ck_gemm_kernels ck_gemm_avx2_6x16 = {AMR, ANR, pack_a_6, pack_b_16, macro_6x16};
#endif
