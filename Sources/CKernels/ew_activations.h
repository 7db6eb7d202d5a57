/*
 * Activations, each one's forward beside its backward, on the lanes of vec_lanes.h, and the
 * loops that run them over a matrix (bias + activation forward, gradient backward).
 *
 * A forward takes the pre-activation v (bias added) and alpha. A backward takes x, the saved
 * value it is written against (the pre-activation z or the output y, as its name says), the
 * incoming gradient g and alpha, and returns dz. Which of z and y the caller passes is decided
 * in act_backward below; see Activation.swift for which one each activation needs.
 */
#ifndef CK_EW_ACTIVATIONS_H
#define CK_EW_ACTIVATIONS_H
#include "ck_elementwise.h"
#include "vec_math.h"

typedef vf (*act_forward_fn)(vf v, float alpha);
typedef vf (*act_backward_fn)(vf x, vf g, float alpha);

/* linear */
CK_INLINE vf linear_forward(vf v, float alpha) { (void)alpha; return v; }
CK_INLINE vf linear_backward(vf x, vf g, float alpha) { (void)x; (void)alpha; return g; }

/* relu: NaN stays NaN; backward from z or y (same sign) */
CK_INLINE vf relu_forward(vf v, float alpha) {
  (void)alpha;
  return SEL(v != v, v, VMAXN(v, SPLAT(0.0f)));
}
CK_INLINE vf relu_backward(vf x, vf g, float alpha) {
  (void)alpha;
  return SEL(x > 0.0f, g, SPLAT(0.0f));
}

/* leaky relu: backward from z or y (same sign) */
CK_INLINE vf leaky_relu_forward(vf v, float alpha) { return SEL(v > 0.0f, v, v * alpha); }
CK_INLINE vf leaky_relu_backward(vf x, vf g, float alpha) { return SEL(x > 0.0f, g, g * alpha); }

/* elu */
CK_INLINE vf elu_forward(vf v, float alpha) { return SEL(v > 0.0f, v, alpha * V_EXPM1(v)); }
CK_INLINE vf elu_backward_z(vf z, vf g, float alpha) {
  return SEL(z > 0.0f, g, g * (alpha * V_EXP(z)));
}
CK_INLINE vf elu_backward_y(vf y, vf g, float alpha) { return SEL(y > 0.0f, g, g * (y + alpha)); }

/* gelu (exact, through the normal CDF) */
CK_INLINE vf gelu_forward(vf v, float alpha) { (void)alpha; return v * V_PHI(v); }
CK_INLINE vf gelu_backward_z(vf z, vf g, float alpha) {
  (void)alpha;
  return g * MADD(z, V_PDF(z), V_PHI(z));
}

/* sigmoid */
CK_INLINE vf sigmoid_forward(vf v, float alpha) { (void)alpha; return V_SIGMOID(v); }
CK_INLINE vf sigmoid_backward_y(vf y, vf g, float alpha) { (void)alpha; return g * (y * (1.0f - y)); }
CK_INLINE vf sigmoid_backward_z(vf z, vf g, float alpha) {
  return sigmoid_backward_y(V_SIGMOID(z), g, alpha);
}

/* tanh */
CK_INLINE vf tanh_forward(vf v, float alpha) { (void)alpha; return V_TANH(v); }
CK_INLINE vf tanh_backward_y(vf y, vf g, float alpha) { (void)alpha; return g * (1.0f - y * y); }
CK_INLINE vf tanh_backward_z(vf z, vf g, float alpha) { return tanh_backward_y(V_TANH(z), g, alpha); }

/* softplus: y = log(1 + e^z), so dy/dz = sigmoid(z) = 1 - e^-y */
CK_INLINE vf softplus_forward(vf v, float alpha) { (void)alpha; return V_SOFTPLUS(v); }
CK_INLINE vf softplus_backward_z(vf z, vf g, float alpha) { (void)alpha; return g * V_SIGMOID(z); }
CK_INLINE vf softplus_backward_y(vf y, vf g, float alpha) { (void)alpha; return g * -V_EXPM1(-y); }

/* swish (silu): z sigmoid(z) */
CK_INLINE vf swish_forward(vf v, float alpha) { (void)alpha; return v * V_SIGMOID(v); }
CK_INLINE vf swish_backward_z(vf z, vf g, float alpha) {
  (void)alpha;
  return g * (V_SIGMOID(z) * MADD(z, 1.0f - V_SIGMOID(z), SPLAT(1.0f)));
}

/* selu: scale * elu(v, alpha) with the fixed constants of the self-normalising network paper */
#define CK_SELU_ALPHA 1.6732632423543772848170429916717f
#define CK_SELU_SCALE 1.0507009873554804934193349852946f
CK_INLINE vf selu_forward(vf v, float alpha) {
  (void)alpha;
  return SEL(v > 0.0f, CK_SELU_SCALE * v, (CK_SELU_SCALE * CK_SELU_ALPHA) * V_EXPM1(v));
}
CK_INLINE vf selu_backward_z(vf z, vf g, float alpha) {
  (void)alpha;
  return SEL(z > 0.0f, g * CK_SELU_SCALE, g * ((CK_SELU_SCALE * CK_SELU_ALPHA) * V_EXP(z)));
}
CK_INLINE vf selu_backward_y(vf y, vf g, float alpha) {
  (void)alpha;
  return SEL(y > 0.0f, g * CK_SELU_SCALE, g * (y + CK_SELU_SCALE * CK_SELU_ALPHA));
}

/* mish: v tanh(softplus(v)). With e = e^v and n = e (e + 2), tanh(softplus(v)) = n / (n + 2)
 * and its derivative's sech^2 = 4 (n + 1) / (n + 2)^2, both without cancellation; above 20 the
 * tanh is 1 in float (and n would overflow). */
CK_INLINE vf mish_tsp(vf v, vf *sech2) {
  vf e = V_EXP(VMINN(v, SPLAT(20.0f)));
  vf n = e * (e + 2.0f);
  vf d = 1.0f / (n + 2.0f);
  *sech2 = 4.0f * (n + 1.0f) * d * d;
  return SEL(v > 20.0f, SPLAT(1.0f), n * d);
}
CK_INLINE vf mish_forward(vf v, float alpha) {
  (void)alpha;
  vf s;
  vf r = v * mish_tsp(v, &s);
  return SEL(v != v, v, r);
}
CK_INLINE vf mish_backward_z(vf z, vf g, float alpha) {
  (void)alpha;
  vf s;
  vf t = mish_tsp(z, &s);
  return g * MADD(z * V_SIGMOID(z), s, t);
}

/* hard sigmoid: relu6(v + 3) / 6; gradient 1/6 strictly inside (-3, 3), from z */
CK_INLINE vf hard_sigmoid_forward(vf v, float alpha) {
  (void)alpha;
  vf r = VMINN(VMAXN(v + 3.0f, SPLAT(0.0f)), SPLAT(6.0f)) / 6.0f;
  return SEL(v != v, v, r);
}
CK_INLINE vf hard_sigmoid_backward_z(vf z, vf g, float alpha) {
  (void)alpha;
  return SEL((z > -3.0f) & (z < 3.0f), g / 6.0f, SPLAT(0.0f));
}

/* relu6: min(max(v, 0), 6); gradient 1 strictly inside (0, 6), from z or y (equal there) */
CK_INLINE vf relu6_forward(vf v, float alpha) {
  (void)alpha;
  return SEL(v != v, v, VMINN(VMAXN(v, SPLAT(0.0f)), SPLAT(6.0f)));
}
CK_INLINE vf relu6_backward(vf x, vf g, float alpha) {
  (void)alpha;
  return SEL((x > 0.0f) & (x < 6.0f), g, SPLAT(0.0f));
}

/* exponential: e^v; the derivative is the output itself */
CK_INLINE vf exponential_forward(vf v, float alpha) { (void)alpha; return V_EXP(v); }
CK_INLINE vf exponential_backward_y(vf y, vf g, float alpha) { (void)alpha; return g * y; }
CK_INLINE vf exponential_backward_z(vf z, vf g, float alpha) { (void)alpha; return g * V_EXP(z); }

/* softmax, per row: forward out = exp(v - max) / sum; backward dz = y * (dy - sum(y * dy)) */
static void softmax_forward_rows(const float *z, const float *bias, float *out, long rows, long cols) {
  for (long r = 0; r < rows; r++) {
    const float *zr = z + r * cols;
    float *o = out + r * cols;
    vf mx = SPLAT(-__builtin_inff());
    long j = 0;
    for (; j + VW <= cols; j += VW) {
      vf v = LD(zr + j);
      if (bias) v += LD(bias + j);
      ST(o + j, v);
      mx = VMAXP(mx, v);
    }
    if (j < cols) {
      long m = cols - j;
      vf v = LDP(zr + j, m, 0.0f);
      if (bias) v += LDP(bias + j, m, 0.0f);
      STP(o + j, v, m);
      mx = VMAXP(mx, LDP(o + j, m, -__builtin_inff()));
    }
    float mxs = HMAXP(mx);
    if (mxs == -__builtin_inff()) mxs = 0.0f; /* all -inf: exp gives 0/0 = NaN, as PyTorch */
    vf vm = SPLAT(mxs);
    vf sum = SPLAT(0.0f);
    for (j = 0; j + VW <= cols; j += VW) {
      vf e = V_EXP(LD(o + j) - vm);
      ST(o + j, e);
      sum += e;
    }
    if (j < cols) {
      long m = cols - j;
      vf e = V_EXP(LDP(o + j, m, -__builtin_inff()) - vm);
      STP(o + j, e, m);
      sum += e;
    }
    vf inv = SPLAT(1.0f / HSUMF(sum));
    for (j = 0; j + VW <= cols; j += VW) ST(o + j, LD(o + j) * inv);
    if (j < cols) STP(o + j, LDP(o + j, cols - j, 0.0f) * inv, cols - j);
  }
}
static void softmax_backward_rows(const float *y, const float *dy, float *dz, long rows, long cols) {
  for (long r = 0; r < rows; r++) {
    const float *yr = y + r * cols, *gr = dy + r * cols;
    float *o = dz + r * cols;
    vf acc = SPLAT(0.0f);
    long j = 0;
    for (; j + VW <= cols; j += VW) acc = MADD(LD(yr + j), LD(gr + j), acc);
    if (j < cols) acc = MADD(LDP(yr + j, cols - j, 0.0f), LDP(gr + j, cols - j, 0.0f), acc);
    vf dot = SPLAT(HSUMF(acc));
    for (j = 0; j + VW <= cols; j += VW) ST(o + j, LD(yr + j) * (LD(gr + j) - dot));
    if (j < cols) {
      long m = cols - j;
      STP(o + j, LDP(yr + j, m, 0.0f) * (LDP(gr + j, m, 0.0f) - dot), m);
    }
  }
}

/* ---------- the loops ---------- */

/* out[r, c] = f(z[r, c] + bias[c]) (bias may be NULL); inlined with f known, so each
 * activation gets its own loop. */
CK_INLINE void forward_rows(act_forward_fn f, float alpha, const float *z, const float *bias,
                            float *out, long rows, long cols) {
  for (long r = 0; r < rows; r++) {
    const float *zr = z + r * cols;
    float *orow = out + r * cols;
    long j = 0;
    for (; j + VW <= cols; j += VW) {
      vf v = LD(zr + j);
      if (bias) v += LD(bias + j);
      ST(orow + j, f(v, alpha));
    }
    if (j < cols) {
      long m = cols - j;
      vf v = LDP(zr + j, m, 0.0f);
      if (bias) v += LDP(bias + j, m, 0.0f);
      STP(orow + j, f(v, alpha), m);
    }
  }
}

/* dz[i] = f(x[i], dy[i]) over n elements; inlined with f known. */
CK_INLINE void backward_flat(act_backward_fn f, float alpha, const float *x, const float *dy,
                             float *dz, long n) {
  long j = 0;
  for (; j + VW <= n; j += VW) ST(dz + j, f(LD(x + j), LD(dy + j), alpha));
  if (j < n) {
    long m = n - j;
    STP(dz + j, f(LDP(x + j, m, 0.0f), LDP(dy + j, m, 0.0f), alpha), m);
  }
}

/* ck_bias_act for one ISA. */
static void bias_act(ck_act act, float alpha, const float *z, const float *bias, float *out,
                     long rows, long cols) {
  if (rows <= 0 || cols <= 0) return;
  if (act == CK_ACT_SOFTMAX) { softmax_forward_rows(z, bias, out, rows, cols); return; }
  /* without a bias the matrix is one long row */
  long r = bias ? rows : 1, c = bias ? cols : rows * cols;
  switch (act) {
    case CK_ACT_LINEAR: forward_rows(linear_forward, alpha, z, bias, out, r, c); break;
    case CK_ACT_RELU: forward_rows(relu_forward, alpha, z, bias, out, r, c); break;
    case CK_ACT_LEAKY_RELU: forward_rows(leaky_relu_forward, alpha, z, bias, out, r, c); break;
    case CK_ACT_ELU: forward_rows(elu_forward, alpha, z, bias, out, r, c); break;
    case CK_ACT_GELU: forward_rows(gelu_forward, alpha, z, bias, out, r, c); break;
    case CK_ACT_SIGMOID: forward_rows(sigmoid_forward, alpha, z, bias, out, r, c); break;
    case CK_ACT_TANH: forward_rows(tanh_forward, alpha, z, bias, out, r, c); break;
    case CK_ACT_SOFTPLUS: forward_rows(softplus_forward, alpha, z, bias, out, r, c); break;
    case CK_ACT_SWISH: forward_rows(swish_forward, alpha, z, bias, out, r, c); break;
    case CK_ACT_SELU: forward_rows(selu_forward, alpha, z, bias, out, r, c); break;
    case CK_ACT_MISH: forward_rows(mish_forward, alpha, z, bias, out, r, c); break;
    case CK_ACT_HARD_SIGMOID: forward_rows(hard_sigmoid_forward, alpha, z, bias, out, r, c); break;
    case CK_ACT_RELU6: forward_rows(relu6_forward, alpha, z, bias, out, r, c); break;
    case CK_ACT_EXPONENTIAL: forward_rows(exponential_forward, alpha, z, bias, out, r, c); break;
    default: break;
  }
}

/* ck_act_backward for one ISA: the form written against z when z is given, except sigmoid and
 * tanh, which are cheaper from y. */
static void act_backward(ck_act act, float alpha, const float *z, const float *y, const float *dy,
                         float *dz, long rows, long cols) {
  if (rows <= 0 || cols <= 0) return;
  long n = rows * cols;
  switch (act) {
    case CK_ACT_LINEAR: backward_flat(linear_backward, alpha, dy, dy, dz, n); break;
    case CK_ACT_RELU: backward_flat(relu_backward, alpha, z ? z : y, dy, dz, n); break;
    case CK_ACT_LEAKY_RELU: backward_flat(leaky_relu_backward, alpha, z ? z : y, dy, dz, n); break;
    case CK_ACT_ELU:
      if (z) backward_flat(elu_backward_z, alpha, z, dy, dz, n);
      else backward_flat(elu_backward_y, alpha, y, dy, dz, n);
      break;
    case CK_ACT_GELU: backward_flat(gelu_backward_z, alpha, z, dy, dz, n); break;
    case CK_ACT_SIGMOID:
      if (y) backward_flat(sigmoid_backward_y, alpha, y, dy, dz, n);
      else backward_flat(sigmoid_backward_z, alpha, z, dy, dz, n);
      break;
    case CK_ACT_TANH:
      if (y) backward_flat(tanh_backward_y, alpha, y, dy, dz, n);
      else backward_flat(tanh_backward_z, alpha, z, dy, dz, n);
      break;
    case CK_ACT_SOFTMAX: softmax_backward_rows(y, dy, dz, rows, cols); break;
    case CK_ACT_SOFTPLUS:
      if (z) backward_flat(softplus_backward_z, alpha, z, dy, dz, n);
      else backward_flat(softplus_backward_y, alpha, y, dy, dz, n);
      break;
    case CK_ACT_SWISH: backward_flat(swish_backward_z, alpha, z, dy, dz, n); break;
    case CK_ACT_SELU:
      if (z) backward_flat(selu_backward_z, alpha, z, dy, dz, n);
      else backward_flat(selu_backward_y, alpha, y, dy, dz, n);
      break;
    case CK_ACT_MISH: backward_flat(mish_backward_z, alpha, z, dy, dz, n); break;
    case CK_ACT_HARD_SIGMOID: backward_flat(hard_sigmoid_backward_z, alpha, z, dy, dz, n); break;
    case CK_ACT_RELU6: backward_flat(relu6_backward, alpha, z ? z : y, dy, dz, n); break;
    case CK_ACT_EXPONENTIAL:
      if (y) backward_flat(exponential_backward_y, alpha, y, dy, dz, n);
      else backward_flat(exponential_backward_z, alpha, z, dy, dz, n);
      break;
    default: break;
  }
}

#endif
