/*
 * Vector lanes for the kernels written once with clang/GCC vector extensions and compiled once
 * per ISA (see elementwise_portable.c, elementwise_avx2.c, elementwise_avx512.c). Before
 * including, define CK_VW (lanes per vector: 4, 8 or 16 floats) and CK_HAS_FMA (1 when fused
 * multiply-add is available); the including file wraps the include in a `#pragma clang
 * attribute` giving the target. Everything here is static and inline.
 */
#ifndef CK_VEC_LANES_H
#define CK_VEC_LANES_H
#include <stdint.h>
/* the helpers pass wide vectors by value; they are static and inlined within one target, so
 * the ABI note does not apply */
#pragma clang diagnostic ignored "-Wpsabi"

#define CK_INLINE static inline __attribute__((always_inline))

#define VW CK_VW
typedef float vf __attribute__((vector_size(CK_VW * 4)));
typedef int32_t vi __attribute__((vector_size(CK_VW * 4)));
typedef double vd __attribute__((vector_size(CK_VW * 8)));
typedef int64_t vl __attribute__((vector_size(CK_VW * 8)));

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
static inline vd SELD(vl m, vd a, vd b) { return (vd)((m & (vl)a) | (~m & (vl)b)); }

#endif
