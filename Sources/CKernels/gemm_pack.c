/* Packing of A and B blocks into micro-panels (layout described in ck_gemm.h).
 * Plain C for any MR/NR, plus an AVX2 8x8-transpose path for the transposed-B case,
 * which is the one packing whose cost shows up next to the micro-kernel. */
#include "ck_gemm.h"
#include "gemm_pack.h"

void ck_gemm_pack_a_generic(int trans, const float *a, long lda, long m, long k,
                            int mr, float *dst) {
  for (long i0 = 0; i0 < m; i0 += mr) {
    long rows = m - i0 < mr ? m - i0 : mr;
    float *d = dst + i0 * k;  /* panel i0/mr starts at (i0/mr) * mr * k */
    if (trans) {
      /* A stored k x m: the MR rows of one column are contiguous. */
      for (long p = 0; p < k; p++) {
        const float *s = a + p * lda + i0;
        float *dp = d + p * mr;
        for (long r = 0; r < rows; r++) dp[r] = s[r];
        for (long r = rows; r < mr; r++) dp[r] = 0;
      }
    } else {
      /* A stored m x k: read each row contiguously, write with stride MR. */
      for (long r = 0; r < rows; r++) {
        const float *s = a + (i0 + r) * lda;
        for (long p = 0; p < k; p++) d[p * mr + r] = s[p];
      }
      for (long r = rows; r < mr; r++)
        for (long p = 0; p < k; p++) d[p * mr + r] = 0;
    }
  }
}

void ck_gemm_pack_b_generic(int trans, const float *b, long ldb, long k, long n,
                            int nr, float *dst) {
  if (!trans) {
    /* B stored k x n: walk B row by row (long contiguous reads the hardware prefetcher
     * follows, plus explicit prefetch a few rows ahead, since B usually comes from
     * DRAM) and deal each row out to the panels. */
    enum { AHEAD = 8 };
    for (long p = 0; p < k; p++) {
      const float *s = b + p * ldb;
      if (p + AHEAD < k)
        for (long j = 0; j < n; j += 16) __builtin_prefetch(s + AHEAD * ldb + j, 0, 3);
      for (long j0 = 0; j0 < n; j0 += nr) {
        long cols = n - j0 < nr ? n - j0 : nr;
        float *d = dst + j0 * k + p * nr;  /* panel j0/nr starts at (j0/nr) * nr * k */
        for (long c = 0; c < cols; c++) d[c] = s[j0 + c];
        for (long c = cols; c < nr; c++) d[c] = 0;
      }
    }
    return;
  }
  for (long j0 = 0; j0 < n; j0 += nr) {
    long cols = n - j0 < nr ? n - j0 : nr;
    float *d = dst + j0 * k;
    for (long c = 0; c < cols; c++) {
      const float *s = b + (j0 + c) * ldb;
      for (long p = 0; p < k; p++) d[p * nr + c] = s[p];
    }
    for (long c = cols; c < nr; c++)
      for (long p = 0; p < k; p++) d[p * nr + c] = 0;
  }
}

#if defined(__x86_64__)
#include <immintrin.h>
#define CK_AVX2 __attribute__((target("avx2,fma")))

/* In-register transpose of 8 rows of 8 floats. */
CK_AVX2 static inline void transpose8(__m256 r[8]) {
  __m256 t0 = _mm256_unpacklo_ps(r[0], r[1]), t1 = _mm256_unpackhi_ps(r[0], r[1]);
  __m256 t2 = _mm256_unpacklo_ps(r[2], r[3]), t3 = _mm256_unpackhi_ps(r[2], r[3]);
  __m256 t4 = _mm256_unpacklo_ps(r[4], r[5]), t5 = _mm256_unpackhi_ps(r[4], r[5]);
  __m256 t6 = _mm256_unpacklo_ps(r[6], r[7]), t7 = _mm256_unpackhi_ps(r[6], r[7]);
  __m256 u0 = _mm256_shuffle_ps(t0, t2, 0x44), u1 = _mm256_shuffle_ps(t0, t2, 0xEE);
  __m256 u2 = _mm256_shuffle_ps(t1, t3, 0x44), u3 = _mm256_shuffle_ps(t1, t3, 0xEE);
  __m256 u4 = _mm256_shuffle_ps(t4, t6, 0x44), u5 = _mm256_shuffle_ps(t4, t6, 0xEE);
  __m256 u6 = _mm256_shuffle_ps(t5, t7, 0x44), u7 = _mm256_shuffle_ps(t5, t7, 0xEE);
  r[0] = _mm256_permute2f128_ps(u0, u4, 0x20);
  r[1] = _mm256_permute2f128_ps(u1, u5, 0x20);
  r[2] = _mm256_permute2f128_ps(u2, u6, 0x20);
  r[3] = _mm256_permute2f128_ps(u3, u7, 0x20);
  r[4] = _mm256_permute2f128_ps(u0, u4, 0x31);
  r[5] = _mm256_permute2f128_ps(u1, u5, 0x31);
  r[6] = _mm256_permute2f128_ps(u2, u6, 0x31);
  r[7] = _mm256_permute2f128_ps(u3, u7, 0x31);
}

/* A into kc x MR panels, MR <= 8. Stored m x k: MR rows x 8 k through an 8x8 transpose
 * (missing rows read as zero). Stored k x m: the MR values of each k are already
 * contiguous. Each k's MR values go out as a full 8-float store, in increasing address
 * order, so the 8 - MR extra lanes land in the next k's slots and are overwritten; only the
 * panel's last k, whose extra lanes would spill into the next panel, is stored under a
 * mask (masked loads and stores are slow on some CPUs, so they are kept to the edges). */
CK_AVX2 void ck_gemm_pack_a_avx2(int trans, const float *a, long lda, long m, long k,
                                 int mr, float *dst) {
  __m256i lane = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
  __m256i keep = _mm256_cmpgt_epi32(_mm256_set1_epi32(mr), lane);
  long k8 = k & ~7L;
  if (trans) {
    /* Groups of up to GP panels, k by k: each k reads one contiguous run of the group's
     * GP * MR values of A's row k and deals it out to the panels. (Panel by panel instead,
     * the k loop would stride by lda, whose power-of-two sizes map every row to the same
     * L1 set.) 8 floats from i0 are inside the row while i0 + 8 <= m; past that, the load
     * is masked. */
    enum { GP = 8 };
    for (long g0 = 0; g0 < m; g0 += GP * mr) {
      long np = (m - g0 + mr - 1) / mr;
      if (np > GP) np = GP;
      for (long p = 0; p < k; p++) {
        const float *s = a + p * lda + g0;
        for (long q = 0; q < np; q++) {
          long i0 = g0 + q * mr, rows = m - i0 < mr ? m - i0 : mr;
          float *d = dst + i0 * k + p * mr;
          __m256 v = i0 + 8 <= m ? _mm256_loadu_ps(s + q * mr)
                                 : _mm256_maskload_ps(s + q * mr,
                                       _mm256_cmpgt_epi32(_mm256_set1_epi32((int)rows), lane));
          if (p + 1 < k) _mm256_storeu_ps(d, v);
          else _mm256_maskstore_ps(d, keep, v);
        }
      }
    }
    return;
  }
  for (long i0 = 0; i0 < m; i0 += mr) {
    long rows = m - i0 < mr ? m - i0 : mr;
    float *d = dst + i0 * k;
    for (long p = 0; p < k8; p += 8) {
      __m256 r[8];
      for (int q = 0; q < 8; q++)
        r[q] = q < rows ? _mm256_loadu_ps(a + (i0 + q) * lda + p) : _mm256_setzero_ps();
      transpose8(r);
      for (int q = 0; q < 8; q++) {
        if (p + q + 1 < k) _mm256_storeu_ps(d + (p + q) * mr, r[q]);
        else _mm256_maskstore_ps(d + (p + q) * mr, keep, r[q]);
      }
    }
    for (long p = k8; p < k; p++)
      for (long q = 0; q < mr; q++) d[p * mr + q] = q < rows ? a[(i0 + q) * lda + p] : 0;
  }
}

/* Non-transposed B (stored k x n) into kc x NR panels, NR a multiple of 8: row by row as
 * in the generic version, full panels copied 8 floats at a time. */
CK_AVX2 void ck_gemm_pack_b_nn_avx2(const float *b, long ldb, long k, long n, int nr,
                                    float *dst) {
  enum { AHEAD = 8 };
  for (long p = 0; p < k; p++) {
    const float *s = b + p * ldb;
    if (p + AHEAD < k)
      for (long j = 0; j < n; j += 16) _mm_prefetch((const char *)(s + AHEAD * ldb + j), _MM_HINT_T0);
    for (long j0 = 0; j0 < n; j0 += nr) {
      long cols = n - j0 < nr ? n - j0 : nr;
      float *d = dst + j0 * k + p * nr;
      if (cols == nr) {
        for (long c = 0; c < nr; c += 8) _mm256_storeu_ps(d + c, _mm256_loadu_ps(s + j0 + c));
      } else {
        for (long c = 0; c < cols; c++) d[c] = s[j0 + c];
        for (long c = cols; c < nr; c++) d[c] = 0;
      }
    }
  }
}

/* Transposed B (stored n x k) into kc x NR panels, NR a multiple of 8: 8 columns x 8 k
 * at a time through an in-register 8x8 transpose; ragged edges element by element. */
CK_AVX2 void ck_gemm_pack_b_trans_avx2(const float *b, long ldb, long k, long n,
                                       int nr, float *dst) {
  for (long j0 = 0; j0 < n; j0 += nr) {
    long cols = n - j0 < nr ? n - j0 : nr;
    float *d = dst + j0 * k;
    long c8 = cols & ~7L, k8 = k & ~7L;
    for (long c = 0; c < c8; c += 8) {
      const float *s = b + (j0 + c) * ldb;
      for (long p = 0; p < k8; p += 8) {
        __m256 r[8];
        for (int q = 0; q < 8; q++) r[q] = _mm256_loadu_ps(s + q * ldb + p);
        transpose8(r);
        float *o = d + p * nr + c;
        for (int q = 0; q < 8; q++) _mm256_storeu_ps(o + q * nr, r[q]);
      }
      for (long cc = c; cc < c + 8; cc++)
        for (long p = k8; p < k; p++) d[p * nr + cc] = b[(j0 + cc) * ldb + p];
    }
    for (long c = c8; c < cols; c++) {
      const float *s = b + (j0 + c) * ldb;
      for (long p = 0; p < k; p++) d[p * nr + c] = s[p];
    }
    for (long c = cols; c < nr; c++)
      for (long p = 0; p < k; p++) d[p * nr + c] = 0;
  }
}
#endif
