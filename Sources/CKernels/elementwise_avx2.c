/* The elementwise kernels for AVX2 + FMA (8 lanes), and their table. */
#if defined(__x86_64__)
#define CK_VW 8
#define CK_HAS_FMA 1
#include "kernel_table.h"
#pragma clang attribute push(__attribute__((target("avx2,fma"))), apply_to = function)
#include "ew_activations.h"
#include "ew_loss.h"
#include "ew_maps.h"
#include "ew_reductions.h"
#pragma clang attribute pop

#define CK_EW_TABLE ck_elementwise_avx2
#include "ew_table.h"
#endif
