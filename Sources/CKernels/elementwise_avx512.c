/* AVX-512 variant of the elementwise kernels (16 lanes). */
#if defined(__x86_64__)
#define CK_VW 16
#define CK_HAS_FMA 1
#define CK_FN(name) name##_avx512
#pragma clang attribute push(__attribute__((target("avx512f,avx512vl,avx512dq,fma"))), apply_to = function)
#include "elementwise_body.h"
#pragma clang attribute pop
#endif
