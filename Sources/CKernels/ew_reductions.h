/*
 * Reductions on the lanes of vec_lanes.h: sum (in double, fixed order), max and min (NaN
 * propagates), per row and per column, and the argmax of each row.
 */
#ifndef CK_EW_REDUCTIONS_H
#define CK_EW_REDUCTIONS_H
#include "ck_elementwise.h"
#include "vec_lanes.h"

static double sum_all(const float *x, long n) {
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

static float max_all(const float *x, long n) {
  vf m = SPLAT(-__builtin_inff());
  long j = 0;
  for (; j + VW <= n; j += VW) m = VMAXP(LD(x + j), m);
  if (j < n) m = VMAXP(LDP(x + j, n - j, -__builtin_inff()), m);
  return HMAXP(m);
}

static float min_all(const float *x, long n) {
  vf m = SPLAT(__builtin_inff());
  long j = 0;
  for (; j + VW <= n; j += VW) m = VMINP(LD(x + j), m);
  if (j < n) m = VMINP(LDP(x + j, n - j, __builtin_inff()), m);
  return HMINP(m);
}

static void reduce_rows(ck_redop op, const float *x, long rows, long cols, float *out) {
  for (long r = 0; r < rows; r++) {
    const float *xr = x + r * cols;
    if (op == CK_RED_SUM) out[r] = (float)sum_all(xr, cols);
    else if (op == CK_RED_MAX) out[r] = max_all(xr, cols);
    else out[r] = min_all(xr, cols);
  }
}

static void reduce_cols(ck_redop op, const float *x, long rows, long cols, long c0, long c1,
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

static void argmax_rows(const float *x, long rows, long cols, long *out) {
  for (long r = 0; r < rows; r++) {
    const float *xr = x + r * cols;
    float m = max_all(xr, cols);
    long k = 0;
    if (m != m) { while (k < cols && xr[k] == xr[k]) k++; }
    else { while (k < cols && xr[k] != m) k++; }
    out[r] = k < cols ? k : 0;
  }
}

#endif
