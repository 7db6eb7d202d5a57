/* The packing routines the GEMM tables use (gemm_pack.c; layouts in ck_gemm.h). */
#ifndef CK_GEMM_PACK_H
#define CK_GEMM_PACK_H

/* Plain C, for any MR / NR. */
void ck_gemm_pack_a_generic(int trans, const float *a, long lda, long m, long k, int mr,
                            float *dst);
void ck_gemm_pack_b_generic(int trans, const float *b, long ldb, long k, long n, int nr,
                            float *dst);
#if defined(__x86_64__)
/* AVX2 (MR <= 8), used by the AVX2 and AVX-512 tables. */
void ck_gemm_pack_a_avx2(int trans, const float *a, long lda, long m, long k, int mr,
                         float *dst);
void ck_gemm_pack_b_nn_avx2(const float *b, long ldb, long k, long n, int nr, float *dst);
void ck_gemm_pack_b_trans_avx2(const float *b, long ldb, long k, long n, int nr, float *dst);
#endif

#endif
