/*
 * The elementwise kernels, written once with clang/GCC vector extensions and included once per
 * ISA by elementwise_portable.c, elementwise_avx2.c and elementwise_avx512.c. Before including,
 * define:
 *   CK_VW        lanes per vector (4, 8 or 16 floats)
 *   CK_HAS_FMA   1 if fused multiply-add is available in this variant
 *   CK_FN(name)  the exported name for this variant (name##_suffix)
 * The including file wraps the include in a `#pragma clang attribute` giving the target.
 *
 * All helpers are static; only the CK_FN(...) functions are exported, and they take and return
 * scalars and pointers only, so no vector type crosses a target boundary.
 */
#include <stdint.h>
/* the helpers below pass wide vectors by value; they are static and inlined within this
 * file's single target, so the ABI note does not apply */
#pragma clang diagnostic ignored "-Wpsabi"
#include "ck_elementwise.h"

#define VW CK_VW
typedef float vf __attribute__((vector_size(CK_VW * 4)));
typedef int32_t vi __attribute__((vector_size(CK_VW * 4)));
typedef double vd __attribute__((vector_size(CK_VW * 8)));

/* ---------- loads, stores, lanes ---------- */

static inline vf LD(const float *p) { vf v; __builtin_memcpy(&v, p, sizeof v); return v; }
static inline void ST(float *p, vf v) { __builtin_memcpy(p, &v, sizeof v); }
/* Loads m < VW floats, the other lanes set to fill; stores the first m < VW lanes. With AVX2 and
 * AVX-512 these are masked loads and stores (no memory past p + m is touched); elsewhere lane
 * by lane, never through a memcpy call (rows shorter than a vector, as in a 14-label output,
 * take this path once per row). */
#if defined(__x86_64__) && CK_VW == 16
#include <immintrin.h>
static inline vf LDP(const float *p, long m, float fill) {
  __m512 r = _mm512_mask_loadu_ps(_mm512_set1_ps(fill), (__mmask16)((1u << m) - 1), p);
  vf v;
  __builtin_memcpy(&v, &r, sizeof v);
  return v;
}
static inline void STP(float *p, vf v, long m) {
  __m512 x;
  __builtin_memcpy(&x, &v, sizeof x);
  _mm512_mask_storeu_ps(p, (__mmask16)((1u << m) - 1), x);
}
#elif defined(__x86_64__) && CK_VW == 8
#include <immintrin.h>
static inline __m256i LANES_BELOW(long m) {
  return _mm256_cmpgt_epi32(_mm256_set1_epi32((int)m), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
}
static inline vf LDP(const float *p, long m, float fill) {
  __m256i k = LANES_BELOW(m);
  __m256 r = _mm256_blendv_ps(_mm256_set1_ps(fill), _mm256_maskload_ps(p, k), _mm256_castsi256_ps(k));
  vf v;
  __builtin_memcpy(&v, &r, sizeof v);
  return v;
}
static inline void STP(float *p, vf v, long m) {
  __m256 x;
  __builtin_memcpy(&x, &v, sizeof x);
  _mm256_maskstore_ps(p, LANES_BELOW(m), x);
}
#else
static inline vf LDP(const float *p, long m, float fill) {
  vf v = (vf){0} + fill;
  for (long i = 0; i < m; i++) v[i] = p[i];
  return v;
}
static inline void STP(float *p, vf v, long m) {
  for (long i = 0; i < m; i++) p[i] = v[i];
}
#endif
static inline vf SPLAT(float x) { return (vf){0} + x; }
static inline vf SEL(vi m, vf a, vf b) { return (vf)((m & (vi)a) | (~m & (vi)b)); }
static inline vf VABS(vf x) { return (vf)((vi)x & 0x7fffffff); }
static inline vf VMAXN(vf a, vf b) { return SEL(a > b, a, b); } /* b if either is NaN */
static inline vf VMINN(vf a, vf b) { return SEL(a < b, a, b); }
/* max/min that propagate a NaN in either argument */
static inline vf VMAXP(vf a, vf b) { return SEL((a > b) | (a != a), a, b); }
static inline vf VMINP(vf a, vf b) { return SEL((a < b) | (a != a), a, b); }
#if CK_HAS_FMA
#define MADD(a, b, c) __builtin_elementwise_fma((a), (b), (c))
#else
#define MADD(a, b, c) ((a) * (b) + (c))
#endif
static inline double HSUMD(vd v) {
  double t[VW];
  __builtin_memcpy(t, &v, sizeof t);
  double s = 0;
  for (int i = 0; i < VW; i++) s += t[i];
  return s;
}
static inline float HSUMF(vf v) {
  float t[VW];
  ST(t, v);
  float s = 0;
  for (int i = 0; i < VW; i++) s += t[i];
  return s;
}
static inline float HMAXP(vf v) {
  float t[VW];
  ST(t, v);
  float m = t[0];
  for (int i = 1; i < VW; i++) if (t[i] > m || t[i] != t[i]) m = (m != m) ? m : t[i];
  return m;
}
static inline float HMINP(vf v) {
  float t[VW];
  ST(t, v);
  float m = t[0];
  for (int i = 1; i < VW; i++) if (t[i] < m || t[i] != t[i]) m = (m != m) ? m : t[i];
  return m;
}
static inline vd TOD(vf v) { return __builtin_convertvector(v, vd); }

/* ---------- vector math ---------- */

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

/* ---------- activations ---------- */

static inline vf ACT_F(int act, vf v, float alpha) {
  switch (act) {
    case CK_ACT_RELU: return VMAXN(v, SPLAT(0.0f)); /* NaN -> 0 as max(x, 0) would; fix below */
    case CK_ACT_LEAKY_RELU: return SEL(v > 0.0f, v, v * alpha);
    case CK_ACT_ELU: return SEL(v > 0.0f, v, alpha * V_EXPM1(v));
    case CK_ACT_GELU: return v * V_PHI(v);
    case CK_ACT_SIGMOID: return V_SIGMOID(v);
    case CK_ACT_TANH: return V_TANH(v);
    case CK_ACT_SOFTPLUS: return V_SOFTPLUS(v);
    case CK_ACT_SWISH: return v * V_SIGMOID(v);
    default: return v;
  }
}

/* Applies EXPR (in terms of v) to rows of z (+ bias) into out. */
#define MAP_BIAS_ROWS(EXPR)                                                       \
  for (long r = 0; r < rows; r++) {                                               \
    const float *zr = z + r * cols;                                               \
    float *orow = out + r * cols;                                                 \
    long j = 0;                                                                   \
    for (; j + VW <= cols; j += VW) {                                             \
      vf v = LD(zr + j);                                                          \
      if (bias) v += LD(bias + j);                                                \
      ST(orow + j, (EXPR));                                                       \
    }                                                                             \
    if (j < cols) {                                                               \
      long m_ = cols - j;                                                         \
      vf v = LDP(zr + j, m_, 0.0f);                                               \
      if (bias) v += LDP(bias + j, m_, 0.0f);                                     \
      STP(orow + j, (EXPR), m_);                                                  \
    }                                                                             \
  }

static void softmax_rows(const float *z, const float *bias, float *out, long rows, long cols) {
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

void CK_FN(ck_bias_act)(int act, float alpha, const float *z, const float *bias, float *out,
                        long rows, long cols) {
  if (rows <= 0 || cols <= 0) return;
  if (act == CK_ACT_SOFTMAX) { softmax_rows(z, bias, out, rows, cols); return; }
  if (!bias) { cols *= rows; rows = 1; }
  switch (act) {
    case CK_ACT_LINEAR: MAP_BIAS_ROWS(v); break;
    case CK_ACT_RELU: MAP_BIAS_ROWS(SEL(v != v, v, VMAXN(v, SPLAT(0.0f)))); break;
    case CK_ACT_LEAKY_RELU: MAP_BIAS_ROWS(ACT_F(CK_ACT_LEAKY_RELU, v, alpha)); break;
    case CK_ACT_ELU: MAP_BIAS_ROWS(ACT_F(CK_ACT_ELU, v, alpha)); break;
    case CK_ACT_GELU: MAP_BIAS_ROWS(ACT_F(CK_ACT_GELU, v, alpha)); break;
    case CK_ACT_SIGMOID: MAP_BIAS_ROWS(V_SIGMOID(v)); break;
    case CK_ACT_TANH: MAP_BIAS_ROWS(V_TANH(v)); break;
    case CK_ACT_SOFTPLUS: MAP_BIAS_ROWS(V_SOFTPLUS(v)); break;
    case CK_ACT_SWISH: MAP_BIAS_ROWS(v * V_SIGMOID(v)); break;
    default: break;
  }
}

/* Backward: EXPR in terms of vz (pre-activation, 0 if z is NULL), vy (output, 0 if y is NULL)
 * and g (incoming gradient). */
#define MAP_BACK(EXPR)                                                            \
  {                                                                               \
    long j = 0;                                                                   \
    for (; j + VW <= n; j += VW) {                                                \
      vf vz = z ? LD(z + j) : SPLAT(0.0f);                                        \
      vf vy = y ? LD(y + j) : SPLAT(0.0f);                                        \
      vf g = LD(dy + j);                                                          \
      (void)vz; (void)vy;                                                         \
      ST(dz + j, (EXPR));                                                         \
    }                                                                             \
    if (j < n) {                                                                  \
      long m_ = n - j;                                                            \
      vf vz = z ? LDP(z + j, m_, 0.0f) : SPLAT(0.0f);                             \
      vf vy = y ? LDP(y + j, m_, 0.0f) : SPLAT(0.0f);                             \
      vf g = LDP(dy + j, m_, 0.0f);                                               \
      (void)vz; (void)vy;                                                         \
      STP(dz + j, (EXPR), m_);                                                    \
    }                                                                             \
  }

static inline vf SIG_OF(const float *y, vf vy, vf vz) { return y ? vy : V_SIGMOID(vz); }
static inline vf TANH_OF(const float *y, vf vy, vf vz) { return y ? vy : V_TANH(vz); }

void CK_FN(ck_act_backward)(int act, float alpha, const float *z, const float *y,
                            const float *dy, float *dz, long rows, long cols) {
  if (rows <= 0 || cols <= 0) return;
  if (act == CK_ACT_SOFTMAX) {
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
    return;
  }
  long n = rows * cols;
  /* relu, leaky_relu: sign of z (or of y, which has the same sign) */
  const float *src = z ? z : y;
  switch (act) {
    case CK_ACT_LINEAR: MAP_BACK(g); break;
    case CK_ACT_RELU: {
      const float *z0 = z, *y0 = y;
      z = src; y = 0;
      MAP_BACK(SEL(vz > 0.0f, g, SPLAT(0.0f)));
      z = z0; y = y0;
      break;
    }
    case CK_ACT_LEAKY_RELU: {
      const float *z0 = z, *y0 = y;
      z = src; y = 0;
      MAP_BACK(SEL(vz > 0.0f, g, g * alpha));
      z = z0; y = y0;
      break;
    }
    case CK_ACT_ELU:
      if (z) { const float *y0 = y; y = 0; MAP_BACK(SEL(vz > 0.0f, g, g * (alpha * V_EXP(vz)))); y = y0; }
      else MAP_BACK(SEL(vy > 0.0f, g, g * (vy + alpha)));
      break;
    case CK_ACT_GELU: MAP_BACK(g * MADD(vz, V_PDF(vz), V_PHI(vz))); break;
    case CK_ACT_SIGMOID: MAP_BACK(g * (SIG_OF(y, vy, vz) * (1.0f - SIG_OF(y, vy, vz)))); break;
    case CK_ACT_TANH: MAP_BACK(g * (1.0f - TANH_OF(y, vy, vz) * TANH_OF(y, vy, vz))); break;
    case CK_ACT_SOFTPLUS:
      if (z) MAP_BACK(g * V_SIGMOID(vz))
      else MAP_BACK(g * -V_EXPM1(-vy))
      break;
    case CK_ACT_SWISH:
      MAP_BACK(g * (V_SIGMOID(vz) * MADD(vz, 1.0f - V_SIGMOID(vz), SPLAT(1.0f))));
      break;
    default: break;
  }
}

/* ---------- BCE with logits ---------- */

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

double CK_FN(ck_bce_logits)(const float *x, const float *t, const float *pw, float *g, float *pr,
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

/* ---------- unary ---------- */

#define MAP1(EXPR)                                                               \
  {                                                                              \
    long j = 0;                                                                  \
    for (; j + VW <= n; j += VW) { vf v = LD(x + j); ST(out + j, (EXPR)); }      \
    if (j < n) { vf v = LDP(x + j, n - j, 1.0f); STP(out + j, (EXPR), n - j); }  \
  }

void CK_FN(ck_unary)(int op, float c, const float *x, float *out, long n) {
  if (n <= 0) return;
  const vf one = SPLAT(1.0f), zero = SPLAT(0.0f);
  switch (op) {
    case CK_UN_NEG: MAP1(-v); break;
    case CK_UN_ABS: MAP1(VABS(v)); break;
    case CK_UN_SQRT: MAP1(__builtin_elementwise_sqrt(v)); break;
    case CK_UN_SQUARE: MAP1(v * v); break;
    case CK_UN_EXP: MAP1(V_EXP(v)); break;
    case CK_UN_LOG: MAP1(V_LOG(v)); break;
    case CK_UN_RELU: MAP1(SEL(v != v, v, VMAXN(v, zero))); break;
    case CK_UN_SIGMOID: MAP1(V_SIGMOID(v)); break;
    case CK_UN_TANH: MAP1(V_TANH(v)); break;
    case CK_UN_RECIP: MAP1(one / v); break;
    case CK_UN_EXPM1: MAP1(V_EXPM1(v)); break;
    case CK_UN_LOG1P: MAP1(V_LOG1P(v)); break;
    case CK_UN_SOFTPLUS: MAP1(V_SOFTPLUS(v)); break;
    case CK_UN_GT: MAP1(SEL(v > c, one, zero)); break;
    case CK_UN_GE: MAP1(SEL(v >= c, one, zero)); break;
    case CK_UN_LT: MAP1(SEL(v < c, one, zero)); break;
    case CK_UN_LE: MAP1(SEL(v <= c, one, zero)); break;
    case CK_UN_EQ: MAP1(SEL(v == c, one, zero)); break;
    case CK_UN_NE: MAP1(SEL(v != c, one, zero)); break;
    case CK_UN_POW:
      if (c == 1.0f) MAP1(v)
      else if (c == 2.0f) MAP1(v * v)
      else if (c == 3.0f) MAP1(v * v * v)
      else if (c == 0.5f) MAP1(__builtin_elementwise_sqrt(v))
      else if (c == -1.0f) MAP1(one / v)
      else if (c == -0.5f) MAP1(one / __builtin_elementwise_sqrt(v))
      else if (c == -2.0f) MAP1(one / (v * v))
      else if (c == 0.0f) MAP1(((void)v, one))
      else for (long i = 0; i < n; i++) out[i] = __builtin_powf(x[i], c); /* libm: exact semantics */
      break;
    default: break;
  }
}

/* ---------- binary with broadcasting ---------- */

#define BIN_EXPR(op, a, b)                                                       \
  ((op) == CK_BIN_ADD ? (a) + (b) : (op) == CK_BIN_SUB ? (a) - (b)               \
   : (op) == CK_BIN_MUL ? (a) * (b) : (op) == CK_BIN_DIV ? (a) / (b)             \
   : (op) == CK_BIN_MAX ? VMAXP((a), (b)) : (op) == CK_BIN_MIN ? VMINP((a), (b)) \
   : (op) == CK_BIN_RSUB ? (b) - (a) : (b) / (a))

/* one contiguous run: out[j] = a[j] op (bs ? bs[j] : bk) */
#define BIN_RUN(OP)                                                              \
  static void bin_run_##OP(const float *a, const float *bs, float bk, float *o, long n) { \
    long j = 0;                                                                  \
    if (bs) {                                                                    \
      for (; j + VW <= n; j += VW) ST(o + j, BIN_EXPR(OP, LD(a + j), LD(bs + j))); \
      if (j < n) STP(o + j, BIN_EXPR(OP, LDP(a + j, n - j, 1.0f), LDP(bs + j, n - j, 1.0f)), n - j); \
    } else {                                                                     \
      vf b = SPLAT(bk);                                                          \
      for (; j + VW <= n; j += VW) ST(o + j, BIN_EXPR(OP, LD(a + j), b));        \
      if (j < n) STP(o + j, BIN_EXPR(OP, LDP(a + j, n - j, 1.0f), b), n - j);    \
    }                                                                            \
  }
BIN_RUN(0) BIN_RUN(1) BIN_RUN(2) BIN_RUN(3) BIN_RUN(4) BIN_RUN(5) BIN_RUN(6) BIN_RUN(7)

typedef void (*bin_run_fn)(const float *, const float *, float, float *, long);

void CK_FN(ck_binary)(int op, int bc, const float *a, const float *b, float *out, long rows,
                      long cols) {
  static const bin_run_fn fns[8] = {bin_run_0, bin_run_1, bin_run_2, bin_run_3,
                                    bin_run_4, bin_run_5, bin_run_6, bin_run_7};
  if (op < 0 || op > 7 || rows <= 0 || cols <= 0) return;
  bin_run_fn f = fns[op];
  switch (bc) {
    case CK_BC_FULL: f(a, b, 0.0f, out, rows * cols); break;
    case CK_BC_SCALAR: f(a, 0, b[0], out, rows * cols); break;
    case CK_BC_ROW:
      for (long r = 0; r < rows; r++) f(a + r * cols, b, 0.0f, out + r * cols, cols);
      break;
    case CK_BC_COL:
      for (long r = 0; r < rows; r++) f(a + r * cols, 0, b[r], out + r * cols, cols);
      break;
    default: break;
  }
}

/* ---------- reductions ---------- */

double CK_FN(ck_sum)(const float *x, long n) {
  vd a0 = (vd){0}, a1 = (vd){0};
  long j = 0;
  for (; j + 2 * VW <= n; j += 2 * VW) {
    a0 += TOD(LD(x + j));
    a1 += TOD(LD(x + j + VW));
  }
  for (; j + VW <= n; j += VW) a0 += TOD(LD(x + j));
  if (j < n) a1 += TOD(LDP(x + j, n - j, 0.0f));
  return HSUMD(a0 + a1);
}

float CK_FN(ck_max)(const float *x, long n) {
  vf m = SPLAT(-__builtin_inff());
  long j = 0;
  for (; j + VW <= n; j += VW) m = VMAXP(LD(x + j), m);
  if (j < n) m = VMAXP(LDP(x + j, n - j, -__builtin_inff()), m);
  return HMAXP(m);
}

float CK_FN(ck_min)(const float *x, long n) {
  vf m = SPLAT(__builtin_inff());
  long j = 0;
  for (; j + VW <= n; j += VW) m = VMINP(LD(x + j), m);
  if (j < n) m = VMINP(LDP(x + j, n - j, __builtin_inff()), m);
  return HMINP(m);
}

void CK_FN(ck_reduce_rows)(int op, const float *x, long rows, long cols, float *out) {
  for (long r = 0; r < rows; r++) {
    const float *xr = x + r * cols;
    if (op == CK_RED_SUM) out[r] = (float)CK_FN(ck_sum)(xr, cols);
    else if (op == CK_RED_MAX) out[r] = CK_FN(ck_max)(xr, cols);
    else out[r] = CK_FN(ck_min)(xr, cols);
  }
}

void CK_FN(ck_reduce_cols)(int op, const float *x, long rows, long cols, long c0, long c1,
                           float *out) {
  long c = c0;
  /* four vectors of columns at a time, then single (possibly partial) vectors */
  for (; c + 4 * VW <= c1; c += 4 * VW) {
    if (op == CK_RED_SUM) {
      vd s0 = (vd){0}, s1 = (vd){0}, s2 = (vd){0}, s3 = (vd){0};
      for (long r = 0; r < rows; r++) {
        const float *p = x + r * cols + c;
        s0 += TOD(LD(p)); s1 += TOD(LD(p + VW)); s2 += TOD(LD(p + 2 * VW)); s3 += TOD(LD(p + 3 * VW));
      }
      ST(out + c - c0, __builtin_convertvector(s0, vf));
      ST(out + c - c0 + VW, __builtin_convertvector(s1, vf));
      ST(out + c - c0 + 2 * VW, __builtin_convertvector(s2, vf));
      ST(out + c - c0 + 3 * VW, __builtin_convertvector(s3, vf));
    } else {
      int mx = op == CK_RED_MAX;
      vf i0 = SPLAT(mx ? -__builtin_inff() : __builtin_inff());
      vf m0 = i0, m1 = i0, m2 = i0, m3 = i0;
      for (long r = 0; r < rows; r++) {
        const float *p = x + r * cols + c;
        if (mx) {
          m0 = VMAXP(LD(p), m0); m1 = VMAXP(LD(p + VW), m1);
          m2 = VMAXP(LD(p + 2 * VW), m2); m3 = VMAXP(LD(p + 3 * VW), m3);
        } else {
          m0 = VMINP(LD(p), m0); m1 = VMINP(LD(p + VW), m1);
          m2 = VMINP(LD(p + 2 * VW), m2); m3 = VMINP(LD(p + 3 * VW), m3);
        }
      }
      ST(out + c - c0, m0); ST(out + c - c0 + VW, m1);
      ST(out + c - c0 + 2 * VW, m2); ST(out + c - c0 + 3 * VW, m3);
    }
  }
  for (; c < c1; c += VW) {
    long m = c1 - c < VW ? c1 - c : VW;
    if (op == CK_RED_SUM) {
      vd s = (vd){0};
      for (long r = 0; r < rows; r++) {
        const float *p = x + r * cols + c;
        s += TOD(m == VW ? LD(p) : LDP(p, m, 0.0f));
      }
      STP(out + c - c0, __builtin_convertvector(s, vf), m);
    } else {
      int mx = op == CK_RED_MAX;
      vf acc = SPLAT(mx ? -__builtin_inff() : __builtin_inff());
      for (long r = 0; r < rows; r++) {
        const float *p = x + r * cols + c;
        vf v = m == VW ? LD(p) : LDP(p, m, 0.0f);
        acc = mx ? VMAXP(v, acc) : VMINP(v, acc);
      }
      STP(out + c - c0, acc, m);
    }
  }
}

void CK_FN(ck_argmax_rows)(const float *x, long rows, long cols, long *out) {
  for (long r = 0; r < rows; r++) {
    const float *xr = x + r * cols;
    float m = CK_FN(ck_max)(xr, cols);
    long k = 0;
    if (m != m) { while (k < cols && xr[k] == xr[k]) k++; }
    else { while (k < cols && xr[k] != m) k++; }
    out[r] = k < cols ? k : 0;
  }
}

/* ---------- binary cross-entropy terms, in double ---------- */

typedef int64_t vl __attribute__((vector_size(CK_VW * 8)));
static inline vd SELD(vl m, vd a, vd b) { return (vd)((m & (vl)a) | (~m & (vl)b)); }

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

static inline vd BCE_TERMS(vd t, vd s, double eps) {
  vd lo = (vd){0} + eps, hi = (vd){0} + (1.0 - eps);
  vd p = SELD(s < lo, lo, s);
  p = SELD(p > hi, hi, p);
  return -V_LOGD(SELD(t != 0.0, p, 1.0 - p));
}

void CK_FN(ck_bce_terms)(const double *truth, const double *score, double eps, double *out, long n) {
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

#undef VW
