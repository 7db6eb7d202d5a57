#ifndef CK_CPU_H
#define CK_CPU_H

/// The instruction-set level the kernels dispatch on, detected once at run time.
typedef enum {
  CK_ISA_PORTABLE = 0,  /* plain C: any CPU, arm64 included */
  CK_ISA_AVX2 = 1,      /* AVX2 + FMA */
  CK_ISA_AVX512 = 2     /* AVX-512F (+ FMA) */
} ck_isa;

/// The best level this CPU supports, possibly lowered by CRESCENT_ISA=portable|avx2|avx512.
/// Chosen once, at first use (thread-safe); every kernel entry point caps its level here.
ck_isa ck_detected_isa(void);
/// `isa` capped at ck_detected_isa(): the level whose kernels a call asking for `isa` runs.
ck_isa ck_usable_isa(ck_isa isa);
/// The level in use; tests may lower it to exercise the other paths.
ck_isa ck_active_isa(void);
/// Sets the level in use, capped by ck_usable_isa; returns the level set.
ck_isa ck_set_isa(ck_isa isa);
/// The level of the kernel table that runs a call asking for `isa` (ck_usable_isa(isa)).
ck_isa ck_kernel_table_isa(ck_isa isa);
/// 1 when every entry of the kernel table for `isa` is filled, else 0.
int ck_kernel_table_complete(ck_isa isa);
/// A short name for a level ("portable", "avx2", "avx512").
const char *ck_isa_name(ck_isa isa);

#endif
