/* AVX-512 6x64 micro-kernel: 24 zmm accumulators, 4 B loads and 6 broadcasts per k.
 * Zen 4 runs one zmm FMA per cycle per core, so this is FMA-bound when B streams
 * from L2 and the A micro-panel sits in L1. */
#define CK_GEMM_INTERNAL
#include "ck_gemm.h"
#include "gemm_pack.h"
#include "kernel_table.h"

#if defined(__x86_64__)
#include <immintrin.h>
#define CK_AVX512 __attribute__((target("avx512f,avx512vl,fma")))

enum { ZMR = 6, ZNR = 64 };

/* 16 lanes of one row: C = alpha*acc (+ beta*C); masked-off lanes are neither read
 * nor written (masked loads do not fault past the end of C). */
CK_AVX512 static inline void store16(float *c, __m512 acc, __mmask16 m, __m512 va, float beta) {
  __m512 t = _mm512_mul_ps(va, acc);
  if (beta != 0) t = _mm512_fmadd_ps(_mm512_set1_ps(beta), _mm512_maskz_loadu_ps(m, c), t);
  _mm512_mask_storeu_ps(c, m, t);
}

/* One row of the tile for one k: ai = broadcast a_i, then r0..r3 += ai * (b0, b1, b2, b3).
 * Every operand is an argument; ai and the accumulators are lvalues of the caller. */
#define FMA_ROW(ai, a_i, b0, b1, b2, b3, r0, r1, r2, r3) \
  ai = _mm512_set1_ps(a_i);                              \
  r0 = _mm512_fmadd_ps(ai, b0, r0);                      \
  r1 = _mm512_fmadd_ps(ai, b1, r1);                      \
  r2 = _mm512_fmadd_ps(ai, b2, r2);                      \
  r3 = _mm512_fmadd_ps(ai, b3, r3);

/* The 6x64 tile over depth kc, issuing its share of the prefetches of `q` along the way. */
CK_AVX512 static inline void tile_6x64(long kc, const float *a, const float *b, float *c,
                                       long ldc, long mr, long nr, float alpha, float beta,
                                       ck_pf_cursor *q) {
  __m512 z = _mm512_setzero_ps();
  __m512 c00 = z, c01 = z, c02 = z, c03 = z, c10 = z, c11 = z, c12 = z, c13 = z;
  __m512 c20 = z, c21 = z, c22 = z, c23 = z, c30 = z, c31 = z, c32 = z, c33 = z;
  __m512 c40 = z, c41 = z, c42 = z, c43 = z, c50 = z, c51 = z, c52 = z, c53 = z;
  /* Warm the C tile while the k loop runs (it is touched only at the end); a row that
   * does not start on a cache line spans one line more, hence the last element too. */
  for (long i = 0; i < mr; i++) {
    for (long j = 0; j < nr; j += 16) _mm_prefetch((const char *)(c + i * ldc + j), _MM_HINT_T0);
    _mm_prefetch((const char *)(c + i * ldc + nr - 1), _MM_HINT_T0);
  }
  long npf = q->per_tile, chunk = ck_pf_chunk(q, kc);
  for (long p = 0; p < kc;) {
    long end = kc - p > chunk ? p + chunk : kc;
    for (; p < end; p++) {
      __m512 b0 = _mm512_loadu_ps(b), b1 = _mm512_loadu_ps(b + 16);
      __m512 b2 = _mm512_loadu_ps(b + 32), b3 = _mm512_loadu_ps(b + 48), ai;
      FMA_ROW(ai, a[0], b0, b1, b2, b3, c00, c01, c02, c03)
      FMA_ROW(ai, a[1], b0, b1, b2, b3, c10, c11, c12, c13)
      FMA_ROW(ai, a[2], b0, b1, b2, b3, c20, c21, c22, c23)
      FMA_ROW(ai, a[3], b0, b1, b2, b3, c30, c31, c32, c33)
      FMA_ROW(ai, a[4], b0, b1, b2, b3, c40, c41, c42, c43)
      FMA_ROW(ai, a[5], b0, b1, b2, b3, c50, c51, c52, c53)
      a += ZMR;
      b += ZNR;
    }
    if (npf > 0) {
      ck_pf_next(q);
      npf--;
    }
  }
  while (npf-- > 0) ck_pf_next(q);
  __m512 acc[ZMR][4] = {{c00, c01, c02, c03}, {c10, c11, c12, c13}, {c20, c21, c22, c23},
                        {c30, c31, c32, c33}, {c40, c41, c42, c43}, {c50, c51, c52, c53}};
  __mmask16 mk[4];
  for (int h = 0; h < 4; h++) {
    long left = nr - 16 * h;
    mk[h] = left >= 16 ? (__mmask16)0xFFFF : left <= 0 ? 0 : (__mmask16)((1u << left) - 1);
  }
  __m512 va = _mm512_set1_ps(alpha);
  for (long i = 0; i < mr; i++) {
    float *ci = c + i * ldc;
    for (int h = 0; h < 4; h++)
      if (mk[h]) store16(ci + 16 * h, acc[i][h], mk[h], va, beta);
  }
}
#undef FMA_ROW

/* Edge tiles: only the first R rows and V 16-lane vectors of the 6x64 tile (R, V compile-time
 * constants), for the last micro-panels of a ragged m or n, which would otherwise spend whole
 * FMAs on padding. Each element still gets one FMA per k, in order, from zero, then the same
 * store, so an edge tile's results are bit-identical to the full tile's. */
CK_AVX512 static inline __attribute__((always_inline)) void
tile_edge(const int R, const int V, long kc, const float *a, const float *b, float *c,
          long ldc, long nr, float alpha, float beta, ck_pf_cursor *q) {
  __m512 acc[ZMR][4];
  for (int i = 0; i < R; i++)
    for (int h = 0; h < V; h++) acc[i][h] = _mm512_setzero_ps();
  for (long i = 0; i < R; i++) {
    for (long j = 0; j < nr; j += 16) _mm_prefetch((const char *)(c + i * ldc + j), _MM_HINT_T0);
    _mm_prefetch((const char *)(c + i * ldc + nr - 1), _MM_HINT_T0);
  }
  long npf = q->per_tile, chunk = ck_pf_chunk(q, kc);
  for (long p = 0; p < kc;) {
    long end = kc - p > chunk ? p + chunk : kc;
    for (; p < end; p++) {
      __m512 bv[4];
      for (int h = 0; h < V; h++) bv[h] = _mm512_loadu_ps(b + 16 * h);
      for (int i = 0; i < R; i++) {
        __m512 ai = _mm512_set1_ps(a[i]);
        for (int h = 0; h < V; h++) acc[i][h] = _mm512_fmadd_ps(ai, bv[h], acc[i][h]);
      }
      a += ZMR;
      b += ZNR;
    }
    if (npf > 0) {
      ck_pf_next(q);
      npf--;
    }
  }
  while (npf-- > 0) ck_pf_next(q);
  __m512 va = _mm512_set1_ps(alpha);
  for (int h = 0; h < V; h++) {
    long left = nr - 16 * h;
    __mmask16 mk = left >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << left) - 1);
    for (int i = 0; i < R; i++) store16(c + i * ldc + 16 * h, acc[i][h], mk, va, beta);
  }
}

/* The tile at (mr, nr) <= (6, 64): the full kernel, or the edge tile that covers it. Each
 * case passes constant R and V, so every edge shape gets its own unrolled copy; the case
 * number is (R - 1) * 4 + V - 1. */
CK_AVX512 static inline void tile_any(long kc, const float *a, const float *b, float *c,
                                      long ldc, long mr, long nr, float alpha, float beta,
                                      ck_pf_cursor *q) {
  int v = (int)((nr + 15) / 16);
  if (mr == ZMR && v == 4) {
    tile_6x64(kc, a, b, c, ldc, mr, nr, alpha, beta, q);
    return;
  }
  switch ((int)(mr - 1) * 4 + v - 1) {
    case 0: tile_edge(1, 1, kc, a, b, c, ldc, nr, alpha, beta, q); return;
    case 1: tile_edge(1, 2, kc, a, b, c, ldc, nr, alpha, beta, q); return;
    case 2: tile_edge(1, 3, kc, a, b, c, ldc, nr, alpha, beta, q); return;
    case 3: tile_edge(1, 4, kc, a, b, c, ldc, nr, alpha, beta, q); return;
    case 4: tile_edge(2, 1, kc, a, b, c, ldc, nr, alpha, beta, q); return;
    case 5: tile_edge(2, 2, kc, a, b, c, ldc, nr, alpha, beta, q); return;
    case 6: tile_edge(2, 3, kc, a, b, c, ldc, nr, alpha, beta, q); return;
    case 7: tile_edge(2, 4, kc, a, b, c, ldc, nr, alpha, beta, q); return;
    case 8: tile_edge(3, 1, kc, a, b, c, ldc, nr, alpha, beta, q); return;
    case 9: tile_edge(3, 2, kc, a, b, c, ldc, nr, alpha, beta, q); return;
    case 10: tile_edge(3, 3, kc, a, b, c, ldc, nr, alpha, beta, q); return;
    case 11: tile_edge(3, 4, kc, a, b, c, ldc, nr, alpha, beta, q); return;
    case 12: tile_edge(4, 1, kc, a, b, c, ldc, nr, alpha, beta, q); return;
    case 13: tile_edge(4, 2, kc, a, b, c, ldc, nr, alpha, beta, q); return;
    case 14: tile_edge(4, 3, kc, a, b, c, ldc, nr, alpha, beta, q); return;
    case 15: tile_edge(4, 4, kc, a, b, c, ldc, nr, alpha, beta, q); return;
    case 16: tile_edge(5, 1, kc, a, b, c, ldc, nr, alpha, beta, q); return;
    case 17: tile_edge(5, 2, kc, a, b, c, ldc, nr, alpha, beta, q); return;
    case 18: tile_edge(5, 3, kc, a, b, c, ldc, nr, alpha, beta, q); return;
    case 19: tile_edge(5, 4, kc, a, b, c, ldc, nr, alpha, beta, q); return;
    case 20: tile_edge(6, 1, kc, a, b, c, ldc, nr, alpha, beta, q); return;
    case 21: tile_edge(6, 2, kc, a, b, c, ldc, nr, alpha, beta, q); return;
    case 22: tile_edge(6, 3, kc, a, b, c, ldc, nr, alpha, beta, q); return;
    default: tile_6x64(kc, a, b, c, ldc, mr, nr, alpha, beta, q); return;
  }
}

CK_AVX512 static void macro_6x64(long m, long n, long kc, const float *ap,
                                    const float *bp, float *c, long ldc, float alpha,
                                    float beta, ck_gemm_prefetch pf) {
  ck_pf_cursor q = ck_pf_start(pf, ((m + ZMR - 1) / ZMR) * ((n + ZNR - 1) / ZNR));
  for (long i = 0; i < m; i += ZMR) {
    const float *a = ap + i * kc;
    for (long j = 0; j < n; j += ZNR) {
      tile_any(kc, a, bp + j * kc, c + i * ldc + j, ldc,
               m - i < ZMR ? m - i : ZMR, n - j < ZNR ? n - j : ZNR, alpha, beta, &q);
    }
  }
}

/* The AVX2 packing serves both x86 tables (MR = 6 <= 8). */
static void pack_a_6(int trans, const float *a, long lda, long m, long k, float *dst) {
  ck_gemm_pack_a_avx2(trans, a, lda, m, k, ZMR, dst);
}
static void pack_b_64(int trans, const float *b, long ldb, long k, long n, float *dst) {
  if (trans) ck_gemm_pack_b_trans_avx2(b, ldb, k, n, ZNR, dst);
  else ck_gemm_pack_b_nn_avx2(b, ldb, k, n, ZNR, dst);
}

const ck_gemm_kernels ck_gemm_avx512_6x64 = {ZMR, ZNR, pack_a_6, pack_b_64, macro_6x64};
#endif
