/* The GEMM entry points: each reads the table for its level (tile, packing, micro-kernel). */
#include "ck_gemm.h"
#include "kernel_table.h"

static const ck_gemm_kernels *at(ck_isa isa) { return ck_kernels_for(isa)->gemm; }

int ck_gemm_mr(ck_isa isa) { return at(isa)->mr; }
int ck_gemm_nr(ck_isa isa) { return at(isa)->nr; }

void ck_gemm_pack_a(ck_isa isa, int trans, const float *a, long lda, long m, long k,
                    float *dst) {
  at(isa)->pack_a(trans, a, lda, m, k, dst);
}

void ck_gemm_pack_b(ck_isa isa, int trans, const float *b, long ldb, long k, long n,
                    float *dst) {
  at(isa)->pack_b(trans, b, ldb, k, n, dst);
}

void ck_gemm_macro(ck_isa isa, long m, long n, long kc, const float *ap, const float *bp,
                   float *c, long ldc, float alpha, float beta, ck_gemm_prefetch pf) {
  at(isa)->macro(m, n, kc, ap, bp, c, ldc, alpha, beta, pf);
}
