#ifndef CK_OPTIM_H
#define CK_OPTIM_H
#include "ck_cpu.h"

/* One Adam step over n values, PyTorch's rule in float32 and in its order of operations:
 *   g = grad (+ l2·value);  value *= decay when decoupled (AdamW)
 *   m += (1 − b1)(g − m);  v = v·b2 + (1 − b2)·g·g
 *   value −= step_size·m / (sqrt(v)/c2 + eps)
 * step_size = lr / (1 − b1^t), c2 = sqrt(1 − b2^t). Vectorised per ISA; no FMA contraction,
 * so every ISA gives the same bits as the scalar rule. */
void ck_adam(ck_isa isa, float *value, const float *grad, float *m, float *v, long n,
             float b1, float b2, float eps, float step_size, float c2, float decay, float l2, int decoupled);

#endif
