/* Run-time choice of micro-kernel and packing routine by ck_isa. */
#include "ck_gemm.h"

void ck_gemm_pack_a_generic(int trans, const float *a, long lda, long m, long k, int mr,
                            float *dst);
void ck_gemm_pack_b_generic(int trans, const float *b, long ldb, long k, long n, int nr,
                            float *dst);
void ck_gemm_macro_portable(long m, long n, long kc, const float *ap, const float *bp,
                            float *c, long ldc, float alpha, float beta, ck_gemm_prefetch pf);
#if defined(__x86_64__)
void ck_gemm_pack_a_avx2(int trans, const float *a, long lda, long m, long k, int mr,
                         float *dst);
void ck_gemm_pack_b_nn_avx2(const float *b, long ldb, long k, long n, int nr, float *dst);
void ck_gemm_pack_b_trans_avx2(const float *b, long ldb, long k, long n, int nr, float *dst);
void ck_gemm_macro_avx2(long m, long n, long kc, const float *ap, const float *bp,
                        float *c, long ldc, float alpha, float beta, ck_gemm_prefetch pf);
void ck_gemm_macro_avx512(long m, long n, long kc, const float *ap, const float *bp,
                          float *c, long ldc, float alpha, float beta, ck_gemm_prefetch pf);
#endif

/* Levels this build cannot run fall back to the portable kernel. */
static ck_isa usable(ck_isa isa) {
#if defined(__x86_64__)
  return isa;
#else
  (void)isa;
  return CK_ISA_PORTABLE;
#endif
}

int ck_gemm_mr(ck_isa isa) {
  switch (usable(isa)) {
    case CK_ISA_AVX512: return 6;
    case CK_ISA_AVX2: return 6;
    default: return 4;
  }
}

int ck_gemm_nr(ck_isa isa) {
  switch (usable(isa)) {
    case CK_ISA_AVX512: return 64;
    case CK_ISA_AVX2: return 16;
    default: return 16;
  }
}

void ck_gemm_pack_a(ck_isa isa, int trans, const float *a, long lda, long m, long k,
                    float *dst) {
#if defined(__x86_64__)
  if (usable(isa) != CK_ISA_PORTABLE && ck_gemm_mr(isa) <= 8) {
    ck_gemm_pack_a_avx2(trans, a, lda, m, k, ck_gemm_mr(isa), dst);
    return;
  }
#endif
  ck_gemm_pack_a_generic(trans, a, lda, m, k, ck_gemm_mr(isa), dst);
}

void ck_gemm_pack_b(ck_isa isa, int trans, const float *b, long ldb, long k, long n,
                    float *dst) {
#if defined(__x86_64__)
  if (usable(isa) != CK_ISA_PORTABLE) {
    if (trans) ck_gemm_pack_b_trans_avx2(b, ldb, k, n, ck_gemm_nr(isa), dst);
    else ck_gemm_pack_b_nn_avx2(b, ldb, k, n, ck_gemm_nr(isa), dst);
    return;
  }
#endif
  ck_gemm_pack_b_generic(trans, b, ldb, k, n, ck_gemm_nr(isa), dst);
}

void ck_gemm_macro(ck_isa isa, long m, long n, long kc, const float *ap, const float *bp,
                   float *c, long ldc, float alpha, float beta, ck_gemm_prefetch pf) {
  switch (usable(isa)) {
#if defined(__x86_64__)
    case CK_ISA_AVX512: ck_gemm_macro_avx512(m, n, kc, ap, bp, c, ldc, alpha, beta, pf); return;
    case CK_ISA_AVX2: ck_gemm_macro_avx2(m, n, kc, ap, bp, c, ldc, alpha, beta, pf); return;
#endif
    default: ck_gemm_macro_portable(m, n, kc, ap, bp, c, ldc, alpha, beta, pf); return;
  }
}
