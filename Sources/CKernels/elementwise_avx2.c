/* AVX2 + FMA variant of the elementwise kernels (8 lanes). */
#if defined(__x86_64__)
#define CK_VW 8
#define CK_HAS_FMA 1
#define CK_FN(name) name##_avx2
#pragma clang attribute push(__attribute__((target("avx2,fma"))), apply_to = function)
#include "elementwise_body.h"
#pragma clang attribute pop
#endif
