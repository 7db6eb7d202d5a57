/* The streaming metrics' entry points: each calls the kernel of the table for its level. */
#include "ck_metrics.h"
#include "kernel_table.h"

int ck_truth_bytes(ck_isa isa, const float *truth, const float *score, uint8_t *t8, long n) {
  return ck_kernels_for(isa)->metric_cells->truth_bytes(truth, score, t8, n);
}
void ck_unit_keys(ck_isa isa, const float *score, uint32_t *keys, long n) {
  ck_kernels_for(isa)->metric_cells->unit_keys(score, keys, n);
}
uint64_t ck_ap_buckets(ck_isa isa, uint64_t *table, long buckets, uint64_t spare, uint64_t *crowded) {
  return ck_kernels_for(isa)->ranking->ap_buckets(table, buckets, spare, crowded);
}
uint64_t ck_roc_buckets(ck_isa isa, uint64_t *table, long buckets, uint64_t spare, uint64_t *crowded,
                        uint64_t *area2) {
  return ck_kernels_for(isa)->ranking->roc_buckets(table, buckets, spare, crowded, area2);
}
