/* Run-time dispatch on the ISA level: `DISPATCH(isa, fn, args...)` returns fn_avx512, fn_avx2
 * or fn_portable applied to args, at most the level the CPU supports. */
#ifndef CK_DISPATCH_H
#define CK_DISPATCH_H
#include "ck_cpu.h"

#if defined(__x86_64__)
#define DISPATCH(isa, fn, ...)                                      \
  do {                                                              \
    ck_isa cap_ = ck_detected_isa();                                \
    ck_isa i_ = (isa) > cap_ ? cap_ : (isa);                        \
    if (i_ == CK_ISA_AVX512) return fn##_avx512(__VA_ARGS__);       \
    if (i_ == CK_ISA_AVX2) return fn##_avx2(__VA_ARGS__);           \
    return fn##_portable(__VA_ARGS__);                              \
  } while (0)
#else
#define DISPATCH(isa, fn, ...) do { (void)(isa); return fn##_portable(__VA_ARGS__); } while (0)
#endif

#endif
