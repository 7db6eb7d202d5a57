/*
 * Vector math on the lanes of vec_lanes.h: exp, expm1, log, log1p, sigmoid, tanh, softplus, the
 * normal CDF and density (float), and log in double. Accuracy is stated in ck_elementwise.h.
 */
#ifndef CK_VEC_MATH_H
#define CK_VEC_MATH_H
#include "vec_lanes.h"

/* 2^n for integral n in [-126, 127] given as float */
static inline vf POW2I(vf n) {
  vi i = __builtin_convertvector(n, vi);
  return (vf)((i + 127) << 23);
}
/* round to nearest integer (|x| < 2^22), without rounding instructions */
static inline vf RINT(vf x) {
  const float magic = 12582912.0f; /* 1.5 * 2^23 */
  vf t = x + magic;
  return t - magic;
}

/* Range reduction shared by exp and expm1: x = n ln2 + r, |r| <= ln2/2; returns e^r - 1. */
static inline vf EXPM1_CORE(vf x, vf *n_out) {
  vf n = RINT(x * 1.44269504088896341f);
  vf r = x - n * 0.693359375f;     /* n * C1 exact: C1 has 10 significant bits */
  r = r - n * -2.12194440e-4f;
  vf r2 = r * r;
  vf y = MADD(SPLAT(1.9875691500e-4f), r, SPLAT(1.3981999507e-3f));
  y = MADD(y, r, SPLAT(8.3334519073e-3f));
  y = MADD(y, r, SPLAT(4.1665795894e-2f));
  y = MADD(y, r, SPLAT(1.6666665459e-1f));
  y = MADD(y, r, SPLAT(5.0000001201e-1f));
  *n_out = n;
  return MADD(y, r2, r);
}

/* e^x; max relative error ~2 ulp, gradual underflow below -87.3, inf above 88.72. */
static inline vf V_EXP(vf x) {
  vf xc = VMINN(VMAXN(x, SPLAT(-104.0f)), SPLAT(88.8f));
  vf n;
  vf p = EXPM1_CORE(xc, &n) + 1.0f;
  /* 2^n as two factors so that n down to -150 still gives subnormals, n = 128 gives inf */
  vi ni = __builtin_convertvector(n, vi);
  vi n1 = ni >> 1, n2 = ni - n1;
  vf s1 = (vf)((n1 + 127) << 23), s2 = (vf)((n2 + 127) << 23);
  vf res = (p * s1) * s2;
  return SEL(x != x, x, res);
}

/* e^x - 1 accurate near 0 (relative ~2 ulp). */
static inline vf V_EXPM1(vf x) {
  vf xc = VMINN(VMAXN(x, SPLAT(-30.0f)), SPLAT(88.0f));
  vf n;
  vf p = EXPM1_CORE(xc, &n);
  vf s = POW2I(n);
  vf res = MADD(s, p, s - 1.0f);
  res = SEL(x > 88.0f, V_EXP(x) - 1.0f, res);
  return SEL(x != x, x, res);
}

/* natural log; max relative error ~2 ulp away from 1, absolute ~1e-7 near 1.
 * log(0) = -inf, log(negative) = NaN, log(inf) = inf, subnormals handled. */
static inline vf V_LOG(vf x0) {
  vi sub = x0 < 1.17549435e-38f;
  vf x = SEL(sub, x0 * 8388608.0f, x0);
  vi ix = (vi)x;
  vi e = ((ix >> 23) & 0xff) - 126;
  e = e - (sub & 23);
  vf m = (vf)((ix & 0x007fffff) | 0x3f000000); /* [0.5, 1) */
  vi small = m < 0.707106781186547524f;
  e = e + small; /* small is -1 where true */
  m = SEL(small, m + m, m) - 1.0f;
  vf fe = __builtin_convertvector(e, vf);
  vf z = m * m;
  vf y = MADD(SPLAT(7.0376836292e-2f), m, SPLAT(-1.1514610310e-1f));
  y = MADD(y, m, SPLAT(1.1676998740e-1f));
  y = MADD(y, m, SPLAT(-1.2420140846e-1f));
  y = MADD(y, m, SPLAT(1.4249322787e-1f));
  y = MADD(y, m, SPLAT(-1.6668057665e-1f));
  y = MADD(y, m, SPLAT(2.0000714765e-1f));
  y = MADD(y, m, SPLAT(-2.4999993993e-1f));
  y = MADD(y, m, SPLAT(3.3333331174e-1f));
  y = y * m * z;
  y = MADD(fe, SPLAT(-2.12194440e-4f), y);
  y = MADD(z, SPLAT(-0.5f), y);
  vf r = m + y;
  r = MADD(fe, SPLAT(0.693359375f), r);
  r = SEL(x0 == __builtin_inff(), x0, r);
  r = SEL(x0 == 0.0f, SPLAT(-__builtin_inff()), r);
  r = SEL((x0 < 0.0f) | (x0 != x0), SPLAT(__builtin_nanf("")), r);
  return r;
}

/* log(1 + u) for u >= -1, accurate for tiny u (w = 1 + u; log(w) * u / (w - 1)). */
static inline vf V_LOG1P(vf u) {
  vf w = 1.0f + u;
  vf d = w - 1.0f;
  vf r = V_LOG(w) * (u / d);
  r = SEL(d == 0.0f, u, r);
  return SEL(w == __builtin_inff(), w, r);
}

/* logistic function, stable for any x: e = exp(-|x|), x >= 0 ? 1/(1+e) : e/(1+e). */
static inline vf V_SIGMOID(vf x) {
  vf e = V_EXP(-VABS(x));
  vf r = 1.0f / (1.0f + e);
  return SEL(x >= 0.0f, r, e * r);
}

/* tanh: odd polynomial below 0.625, 1 - 2/(e^{2|x|}+1) above; max relative error ~2 ulp. */
static inline vf V_TANH(vf x) {
  vf a = VABS(x);
  vf e = V_EXP(VMINN(a + a, SPLAT(88.0f)));
  vf big = 1.0f - 2.0f / (e + 1.0f);
  vf z = x * x;
  vf y = MADD(SPLAT(-5.70498872745e-3f), z, SPLAT(2.06390887954e-2f));
  y = MADD(y, z, SPLAT(-5.37397155531e-2f));
  y = MADD(y, z, SPLAT(1.33314422036e-1f));
  y = MADD(y, z, SPLAT(-3.33332819422e-1f));
  vf small = MADD(y * z, a, a);
  vf r = SEL(a < 0.625f, small, big);
  r = (vf)((vi)r | ((vi)x & (int32_t)0x80000000));
  return SEL(x != x, x, r);
}

/* softplus log(1 + e^x) = max(x, 0) + log1p(e^-|x|); x for x > 20 as PyTorch. */
static inline vf V_SOFTPLUS(vf x) {
  vf r = VMAXN(x, SPLAT(0.0f)) + V_LOG1P(V_EXP(-VABS(x)));
  r = SEL(x > 20.0f, x, r);
  return SEL(x != x, x, r);
}

/* exp(p - a^2/2) keeping the relative accuracy for large |a|: a^2/2 = shi + slo with shi exact
 * (a = ah + al, ah of 12 bits), (p - slo) - shi is carried as hi + lo (2Sum), and
 * exp(hi + lo) = exp(hi) (1 + lo) for the tiny lo. */
static inline vf V_EXP_NHSQ(vf a, vf p) {
  vf ah = (vf)((vi)a & (int32_t)0xfffff000);
  vf al = a - ah;
  vf shi = ah * ah * 0.5f;              /* exact */
  vf slo = (ah + ah + al) * al * 0.5f;  /* a^2/2 - shi, to float precision */
  vf q = p - slo;                       /* both O(1) or smaller: rounding error ~1e-7 abs */
  vf b = -shi;
  vf hi = q + b;
  vf bb = hi - q;
  vf lo = (q - (hi - bb)) + (b - bb);   /* q + b = hi + lo exactly */
  return V_EXP(hi) * (1.0f + lo);
}

/* Standard normal CDF Phi(x) = erfc(-x/sqrt2)/2 through the Chebyshev-fitted erfc of Numerical
 * Recipes (relative error of erfc < 1.2e-7 everywhere), so the lower tail keeps relative
 * accuracy (measured < 1e-6 down to Phi ~ 1e-38). */
static inline vf V_PHI(vf x) {
  vf a = VABS(x);
  vf zz = a * 0.70710678118654752f;
  vf t = 1.0f / MADD(zz, SPLAT(0.5f), SPLAT(1.0f));
  vf p = MADD(SPLAT(0.17087277f), t, SPLAT(-0.82215223f));
  p = MADD(p, t, SPLAT(1.48851587f));
  p = MADD(p, t, SPLAT(-1.13520398f));
  p = MADD(p, t, SPLAT(0.27886807f));
  p = MADD(p, t, SPLAT(-0.18628806f));
  p = MADD(p, t, SPLAT(0.09678418f));
  p = MADD(p, t, SPLAT(0.37409196f));
  p = MADD(p, t, SPLAT(1.00002368f));
  p = MADD(p, t, SPLAT(-1.26551223f));
  vf half = 0.5f * t * V_EXP_NHSQ(a, p); /* Phi(-|x|) */
  return SEL(x >= 0.0f, 1.0f - half, half);
}
/* standard normal density */
static inline vf V_PDF(vf x) { return 0.3989422804014327f * V_EXP_NHSQ(VABS(x), SPLAT(0.0f)); }

/* natural log of positive normal doubles, within a few ulp: x = 2^e m with m in
 * [sqrt(1/2), sqrt(2)); log m = 2 atanh(s), s = (m - 1)/(m + 1), by its series in s^2 (to
 * s^23; |s| < 0.1716). Near 1, m - 1 is exact, so the result is accurate relative to itself. */
static inline vd V_LOGD(vd x) {
  vl ix = (vl)x;
  vl e = ((ix >> 52) & 0x7ff) - 1023;
  vd m = (vd)((ix & 0x000fffffffffffffLL) | 0x3ff0000000000000LL); /* [1, 2) */
  vl big = m > 1.41421356237309504880;
  m = SELD(big, m * 0.5, m);
  e = e - big; /* big is -1 where true */
  vd s = (m - 1.0) / (m + 1.0), z = s * s;
  vd p = (vd){0} + 1.0 / 23;
  p = p * z + 1.0 / 21;
  p = p * z + 1.0 / 19;
  p = p * z + 1.0 / 17;
  p = p * z + 1.0 / 15;
  p = p * z + 1.0 / 13;
  p = p * z + 1.0 / 11;
  p = p * z + 1.0 / 9;
  p = p * z + 1.0 / 7;
  p = p * z + 1.0 / 5;
  p = p * z + 1.0 / 3;
  p = p * z + 1.0;
  vd fe = __builtin_convertvector(e, vd);
  /* ln 2 in two parts (fdlibm's): e * hi is exact for |e| < 2^11 */
  return fe * 6.93147180369123816490e-01 + ((s + s) * p + fe * 1.90821492927058770002e-10);
}

#endif
