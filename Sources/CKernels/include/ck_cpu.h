#ifndef CK_CPU_H
#define CK_CPU_H

/// The instruction-set level the kernels dispatch on, detected once at run time.
typedef enum {
  CK_ISA_PORTABLE = 0,  /* plain C: any CPU, arm64 included */
  CK_ISA_AVX2 = 1,      /* AVX2 + FMA */
  CK_ISA_AVX512 = 2     /* AVX-512F (+ FMA) */
} ck_isa;

/// The best level this CPU supports, possibly lowered by CRESCENT_ISA=portable|avx2|avx512.
ck_isa ck_detected_isa(void);
/// The level in use; tests may lower it to exercise the other paths.
ck_isa ck_active_isa(void);
/// Sets the level in use, capped at what the CPU supports; returns the level set.
ck_isa ck_set_isa(ck_isa isa);
/// A short name for a level ("portable", "avx2", "avx512").
const char *ck_isa_name(ck_isa isa);

#endif
