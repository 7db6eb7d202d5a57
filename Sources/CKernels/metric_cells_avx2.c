/* AVX2 variant of the metric cell conversions (8 lanes). */
#if defined(__x86_64__)
#define CK_VW 8
#define CK_FN(name) name##_avx2
#pragma clang attribute push(__attribute__((target("avx2"))), apply_to = function)
#include "metric_cells_body.h"
#pragma clang attribute pop
#endif
