/*
 * The streaming metrics' per-cell conversions, written once with clang/GCC vector extensions
 * and included once per ISA by metric_cells_portable.c, metric_cells_avx2.c and
 * metric_cells_avx512.c. Before including, define CK_VW (lanes per vector) and CK_FN(name).
 * Every lane is computed exactly as the scalar tail, so results do not depend on the ISA.
 */
#include <stdint.h>
#include "ck_metrics.h"

typedef float mc_vf __attribute__((vector_size(CK_VW * 4)));
typedef int32_t mc_vi __attribute__((vector_size(CK_VW * 4)));
typedef uint32_t mc_vu __attribute__((vector_size(CK_VW * 4)));
typedef uint8_t mc_vb __attribute__((vector_size(CK_VW)));

#define MC_HALF 0x3F000000u /* the bits of 0.5 */
#define MC_ONE 0x3F800000u  /* the bits of 1 */

static inline uint32_t CK_FN(unit_key)(float s) {
  float z = s + 0.0f; /* -0 becomes 0 */
  uint32_t b, c;
  float d = 1.0f - s;
  __builtin_memcpy(&b, &z, 4);
  __builtin_memcpy(&c, &d, 4);
  return b < MC_HALF ? b : 2u * MC_HALF - c;
}

static int CK_FN(ck_truth_bytes)(const float *truth, const float *score, uint8_t *t8, long n) {
  mc_vi bad = {0}, outside = {0};
  long i = 0;
  for (; i + CK_VW <= n; i += CK_VW) {
    mc_vf t, s;
    __builtin_memcpy(&t, truth + i, sizeof t);
    __builtin_memcpy(&s, score + i, sizeof s);
    mc_vi one = t == 1.0f, zero = t == 0.0f;
    bad |= ~(one | zero) | (s != s);
    mc_vf z = s + 0.0f;
    outside |= (mc_vi)((mc_vu)z > MC_ONE);
    mc_vb bytes = __builtin_convertvector(one & 1, mc_vb);
    __builtin_memcpy(t8 + i, &bytes, sizeof bytes);
  }
  int flags = 0;
  for (int k = 0; k < CK_VW; k++) flags |= (bad[k] ? 1 : 0) | (outside[k] ? 2 : 0);
  for (; i < n; i++) {
    float t = truth[i], s = score[i], z = s + 0.0f;
    uint32_t b;
    __builtin_memcpy(&b, &z, 4);
    flags |= ((t != 0.0f && t != 1.0f) || s != s ? 1 : 0) | (b > MC_ONE ? 2 : 0);
    t8[i] = t == 1.0f;
  }
  return flags;
}

static void CK_FN(ck_unit_keys)(const float *score, uint32_t *keys, long n) {
  long i = 0;
  for (; i + CK_VW <= n; i += CK_VW) {
    mc_vf s;
    __builtin_memcpy(&s, score + i, sizeof s);
    mc_vu b = (mc_vu)(s + 0.0f), c = (mc_vu)(1.0f - s);
    mc_vu upper = 2u * MC_HALF - c;
    mc_vu below = (mc_vu)(b < MC_HALF);
    mc_vu k = (b & below) | (upper & ~below);
    __builtin_memcpy(keys + i, &k, sizeof k);
  }
  for (; i < n; i++) keys[i] = CK_FN(unit_key)(score[i]);
}
