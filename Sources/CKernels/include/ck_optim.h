#ifndef CK_OPTIM_H
#define CK_OPTIM_H
#include "ck_cpu.h"

/* One Adam step over n values, PyTorch's rule in float32 and in its order of operations:
 *   g = grad (+ l2·value);  value *= decay when decoupled (AdamW)
 *   m += w1·(g − m);  v = v·b2 + w2·g·g
 *   value −= step_size·m / (sqrt(v)/c2 + eps)
 * w1 = 1 − β1 and w2 = 1 − β2, step_size = lr / (1 − β1^t) and c2 = sqrt(1 − β2^t) are worked
 * out in double precision from the double β's and rounded once to float, as PyTorch does with
 * its Python-float scalars (1 − float(β) would lose digits when β is near 1). Vectorised per
 * ISA; no FMA contraction, so every ISA gives the same bits as the scalar rule. */
void ck_adam(ck_isa isa, float *value, const float *grad, float *m, float *v, long n,
             float w1, float b2, float w2, float eps, float step_size, float c2, float decay, float l2, int decoupled);

#endif
