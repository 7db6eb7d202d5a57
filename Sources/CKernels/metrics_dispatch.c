/* Run-time dispatch of the streaming metrics' kernels (cell conversions, ranking bucket passes) on
 * the ISA level. */
#include "ck_metrics.h"
#include "dispatch.h"

#define DECL(sfx)                                                                 \
  int ck_truth_bytes_##sfx(const float *, const float *, uint8_t *, long);       \
  void ck_unit_keys_##sfx(const float *, uint32_t *, long);                       \
  uint64_t ck_ap_buckets_##sfx(uint64_t *, long, uint64_t, uint64_t *);           \
  uint64_t ck_roc_buckets_##sfx(uint64_t *, long, uint64_t, uint64_t *, uint64_t *);

DECL(portable)
#if defined(__x86_64__)
DECL(avx2)
DECL(avx512)
#endif

int ck_truth_bytes(ck_isa isa, const float *truth, const float *score, uint8_t *t8, long n) {
  DISPATCH(isa, ck_truth_bytes, truth, score, t8, n);
}
void ck_unit_keys(ck_isa isa, const float *score, uint32_t *keys, long n) {
  DISPATCH(isa, ck_unit_keys, score, keys, n);
}
uint64_t ck_ap_buckets(ck_isa isa, uint64_t *table, long buckets, uint64_t spare, uint64_t *crowded) {
  DISPATCH(isa, ck_ap_buckets, table, buckets, spare, crowded);
}
uint64_t ck_roc_buckets(ck_isa isa, uint64_t *table, long buckets, uint64_t spare, uint64_t *crowded,
                        uint64_t *area2) {
  DISPATCH(isa, ck_roc_buckets, table, buckets, spare, crowded, area2);
}
