#include "ck_cpu.h"
#include <stdlib.h>
#include <string.h>

static ck_isa hardware_isa(void) {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("fma")) return CK_ISA_AVX512;
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return CK_ISA_AVX2;
#endif
  return CK_ISA_PORTABLE;
}

static int detected = -1;
static int active = -1;

ck_isa ck_detected_isa(void) {
  if (detected < 0) {
    ck_isa isa = hardware_isa();
    const char *env = getenv("CRESCENT_ISA");
    if (env) {
      if (strcmp(env, "portable") == 0) isa = CK_ISA_PORTABLE;
      else if (strcmp(env, "avx2") == 0 && isa >= CK_ISA_AVX2) isa = CK_ISA_AVX2;
    }
    detected = (int)isa;
  }
  return (ck_isa)detected;
}

ck_isa ck_active_isa(void) {
  if (active < 0) active = (int)ck_detected_isa();
  return (ck_isa)active;
}

ck_isa ck_set_isa(ck_isa isa) {
  ck_isa cap = hardware_isa();
  active = (int)(isa > cap ? cap : isa);
  return (ck_isa)active;
}

const char *ck_isa_name(ck_isa isa) {
  switch (isa) {
    case CK_ISA_AVX512: return "avx512";
    case CK_ISA_AVX2: return "avx2";
    default: return "portable";
  }
}
