/* AVX2 variant of the ranking's bucket passes (4 lanes). */
#if defined(__x86_64__)
#define CK_VW 4
#define CK_FN(name) name##_avx2
#include "kernel_table.h"
#pragma clang attribute push(__attribute__((target("avx2"))), apply_to = function)
#include "ranking_buckets_body.h"
#pragma clang attribute pop

const ck_ranking_kernels ck_ranking_avx2 = {.ap_buckets = ck_ap_buckets_avx2, .roc_buckets = ck_roc_buckets_avx2};
#endif
