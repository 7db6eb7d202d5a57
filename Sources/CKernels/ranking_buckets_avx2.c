/* AVX2 variant of the ranking's bucket passes (4 lanes). */
#if defined(__x86_64__)
#define CK_VW 4
#define CK_FN(name) name##_avx2
#pragma clang attribute push(__attribute__((target("avx2"))), apply_to = function)
#include "ranking_buckets_body.h"
#pragma clang attribute pop
#endif
