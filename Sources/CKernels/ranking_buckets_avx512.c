/* AVX-512 variant of the ranking's bucket passes (8 lanes). */
#if defined(__x86_64__)
#define CK_VW 8
#define CK_FN(name) name##_avx512
#include "kernel_table.h"
#pragma clang attribute push(__attribute__((target("avx512f,avx512vl,avx512dq"))), apply_to = function)
#include "ranking_buckets_body.h"
#pragma clang attribute pop

const ck_ranking_kernels ck_ranking_avx512 = {.ap_buckets = ck_ap_buckets_avx512, .roc_buckets = ck_roc_buckets_avx512};
#endif
