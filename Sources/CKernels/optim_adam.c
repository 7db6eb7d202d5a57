/* Adam, one vector loop per ISA level, the tables that hold them, and the entry point. */
#include "ck_optim.h"
#include "kernel_table.h"
#include <math.h>
#include <string.h>

#pragma clang fp contract(off)

/* The scalar rule, for tails and the portable path. */
static inline void adam_one(float *value, const float *grad, float *m, float *v, long i, float w1, float b2,
                            float w2, float eps, float step_size, float c2, float decay, float l2, int decoupled) {
  float g = grad[i];
  if (decoupled) value[i] *= decay; else if (l2 != 0) g += l2 * value[i];
  m[i] += w1 * (g - m[i]);
  v[i] = v[i] * b2 + w2 * g * g;
  float denom = sqrtf(v[i]) / c2 + eps;
  value[i] -= step_size * m[i] / denom;
}

/* The same rule on W lanes at a time, with clang's vector extensions. */
#define ADAM_VECTOR(NAME, ATTR, W)                                                              \
  ATTR static void NAME(float *value, const float *grad, float *m, float *v, long n, float w1,  \
                        float b2, float w2, float eps, float step_size, float c2, float decay,  \
                        float l2, int decoupled) {                                               \
    typedef float vf __attribute__((ext_vector_type(W)));                                       \
    long i = 0;                                                                                   \
    for (; i + W <= n; i += W) {                                                                  \
      vf g, p, mm, vv;                                                                            \
      memcpy(&g, grad + i, sizeof g); memcpy(&p, value + i, sizeof p);                            \
      memcpy(&mm, m + i, sizeof mm); memcpy(&vv, v + i, sizeof vv);                              \
      if (decoupled) p = p * decay; else if (l2 != 0) g = g + l2 * p;                            \
      mm = mm + w1 * (g - mm);                                                                    \
      vv = vv * b2 + w2 * g * g;                                                                  \
      vf denom = __builtin_elementwise_sqrt(vv) / c2 + eps;                                       \
      p = p - step_size * mm / denom;                                                             \
      memcpy(value + i, &p, sizeof p); memcpy(m + i, &mm, sizeof mm); memcpy(v + i, &vv, sizeof vv); \
    }                                                                                             \
    for (; i < n; i++) adam_one(value, grad, m, v, i, w1, b2, w2, eps, step_size, c2, decay, l2, decoupled); \
  }

#if defined(__x86_64__)
ADAM_VECTOR(adam_avx512, __attribute__((target("avx512f"))), 16)
ADAM_VECTOR(adam_avx2, __attribute__((target("avx2"))), 8)
#endif
ADAM_VECTOR(adam_portable, , 4)

const ck_optim_kernels ck_optim_portable = {adam_portable};
#if defined(__x86_64__)
const ck_optim_kernels ck_optim_avx2 = {adam_avx2};
const ck_optim_kernels ck_optim_avx512 = {adam_avx512};
#endif

void ck_adam(ck_isa isa, float *value, const float *grad, float *m, float *v, long n,
             float w1, float b2, float w2, float eps, float step_size, float c2, float decay, float l2, int decoupled) {
  ck_kernels_for(isa)->optim->adam(value, grad, m, v, n, w1, b2, w2, eps, step_size, c2, decay, l2, decoupled);
}
