/* One table per ISA level, and the one place a level is chosen for a call. */
#include "kernel_table.h"

const ck_kernels ck_kernel_tables[3] = {
    [CK_ISA_PORTABLE] = {CK_ISA_PORTABLE, &ck_elementwise_portable, &ck_gemm_portable_4x16,
                         &ck_metric_cells_portable, &ck_ranking_portable, &ck_optim_portable},
#if defined(__x86_64__)
    [CK_ISA_AVX2] = {CK_ISA_AVX2, &ck_elementwise_avx2, &ck_gemm_avx2_6x16, &ck_metric_cells_avx2,
                     &ck_ranking_avx2, &ck_optim_avx2},
    [CK_ISA_AVX512] = {CK_ISA_AVX512, &ck_elementwise_avx512, &ck_gemm_avx512_6x64,
                       &ck_metric_cells_avx512, &ck_ranking_avx512, &ck_optim_avx512},
#endif
};

ck_isa ck_kernel_table_isa(ck_isa isa) { return ck_kernels_for(isa)->isa; }

int ck_kernel_table_complete(ck_isa isa) {
  const ck_kernels *k = ck_kernels_for(isa);
  const ck_elementwise_kernels *e = k->elementwise;
  const ck_gemm_kernels *g = k->gemm;
  return e && e->bias_act && e->act_backward && e->bce_logits && e->bce_terms && e->unary &&
         e->binary && e->sum && e->max && e->min && e->reduce_cols && e->reduce_rows &&
         e->argmax_rows && g && g->mr > 0 && g->nr > 0 && g->pack_a && g->pack_b && g->macro &&
         k->metric_cells && k->metric_cells->truth_bytes && k->metric_cells->unit_keys &&
         k->ranking && k->ranking->ap_buckets && k->ranking->roc_buckets && k->optim &&
         k->optim->adam;
}
