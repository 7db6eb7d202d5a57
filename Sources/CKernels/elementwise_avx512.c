/* The elementwise kernels for AVX-512 (16 lanes), and their table. */
#if defined(__x86_64__)
#define CK_VW 16
#define CK_HAS_FMA 1
#include "kernel_table.h"
#pragma clang attribute push(__attribute__((target("avx512f,avx512vl,avx512dq,fma"))), apply_to = function)
#include "ew_activations.h"
#include "ew_loss.h"
#include "ew_maps.h"
#include "ew_reductions.h"
#pragma clang attribute pop

#define CK_EW_TABLE ck_elementwise_avx512
#include "ew_table.h"
#endif
