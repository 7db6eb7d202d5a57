/*
 * Binary cross-entropy, forward and gradient together: on logits (sigmoid fused, float, for
 * training) and on probabilities (double cells, for the metrics). On the lanes of vec_lanes.h.
 */
#ifndef CK_EW_LOSS_H
#define CK_EW_LOSS_H
#include "ck_elementwise.h"
#include "vec_math.h"

/* ---------- sigmoid + BCE on logits: loss, gradient and probabilities in one pass ---------- */

static inline vd BCE_BLOCK(vf z, vf t, vf p, vd acc, float *g, float *pr, long m, int haspw,
                           float gs, vi lanemask) {
  vf a = VABS(z);
  vf e = V_EXP(-a);
  vf l1p = V_LOG1P(e);
  vf spn = VMAXN(-z, SPLAT(0.0f)) + l1p; /* softplus(-z) = -log sigmoid(z) */
  vf spp = VMAXN(z, SPLAT(0.0f)) + l1p;  /* softplus(z) = -log(1 - sigmoid(z)) */
  vf pt = haspw ? p * t : t;
  /* (1-t) softplus(z) + p t softplus(-z): equal to PyTorch's (1-t) z + (1+(p-1)t) softplus(-z)
   * but without its cancellation for large |z| */
  vf loss = MADD(1.0f - t, spp, pt * spn);
  loss = (vf)((vi)loss & lanemask);
  if (g || pr) {
    /* sp is V_SIGMOID(z), op for op */
    vf r = 1.0f / (1.0f + e);
    vi nonneg = z >= 0.0f;
    vf sp = SEL(nonneg, r, e * r), sn = SEL(nonneg, e * r, r);
    if (pr) {
      if (m == VW) ST(pr, sp); else STP(pr, sp, m);
    }
    if (g) {
      /* sigmoid(z) (1 + (p-1) t) - p t = (1-t) sigmoid(z) - p t sigmoid(-z): no cancellation */
      vf gr = MADD(1.0f - t, sp, -(pt * sn)) * gs;
      if (m == VW) ST(g, gr); else STP(g, gr, m);
    }
  }
  return acc + TOD(loss);
}

static double bce_logits(const float *x, const float *t, const float *pw, float *g, float *pr,
                            float gs, long cols, long begin, long end) {
  vd acc = (vd){0};
  const vi all = (vi){0} - 1;
  long i = begin;
  int haspw = pw != 0;
  while (i < end) {
    long col = i % cols;
    long seg = cols - col;
    if (seg > end - i) seg = end - i;
    const float *pp = haspw ? pw + col : 0;
    long j = 0;
    for (; j + VW <= seg; j += VW) {
      vf p = haspw ? LD(pp + j) : SPLAT(1.0f);
      acc = BCE_BLOCK(LD(x + i + j), LD(t + i + j), p, acc, g ? g + i + j : 0, pr ? pr + i + j : 0, VW,
                      haspw, gs, all);
    }
    if (j < seg) {
      long m = seg - j;
      vf p = haspw ? LDP(pp + j, m, 1.0f) : SPLAT(1.0f);
      float mk[VW];
      for (long k = 0; k < VW; k++) { int32_t b = k < m ? -1 : 0; __builtin_memcpy(&mk[k], &b, 4); }
      acc = BCE_BLOCK(LDP(x + i + j, m, 0.0f), LDP(t + i + j, m, 0.0f), p, acc,
                      g ? g + i + j : 0, pr ? pr + i + j : 0, m, haspw, gs, (vi)LD(mk));
    }
    i += seg;
  }
  return HSUMD(acc);
}

/* ---------- binary cross-entropy terms of probabilities, in double ---------- */

static inline vd BCE_TERMS(vd t, vd s, double eps) {
  vd lo = (vd){0} + eps, hi = (vd){0} + (1.0 - eps);
  vd p = SELD(s < lo, lo, s);
  p = SELD(p > hi, hi, p);
  return -V_LOGD(SELD(t != 0.0, p, 1.0 - p));
}

static void bce_terms(const double *truth, const double *score, double eps, double *out, long n) {
  long i = 0;
  for (; i + VW <= n; i += VW) {
    vd t, s;
    __builtin_memcpy(&t, truth + i, sizeof t);
    __builtin_memcpy(&s, score + i, sizeof s);
    vd r = BCE_TERMS(t, s, eps);
    __builtin_memcpy(out + i, &r, sizeof r);
  }
  if (i < n) {
    double tt[VW], ss[VW], rr[VW];
    for (long k = 0; k < VW; k++) {
      tt[k] = i + k < n ? truth[i + k] : 0.0;
      ss[k] = i + k < n ? score[i + k] : 0.5;
    }
    vd t, s;
    __builtin_memcpy(&t, tt, sizeof t);
    __builtin_memcpy(&s, ss, sizeof s);
    vd r = BCE_TERMS(t, s, eps);
    __builtin_memcpy(rr, &r, sizeof r);
    for (long k = 0; i + k < n; k++) out[i + k] = rr[k];
  }
}

#endif
