/* The ISA level: what the CPU supports, capped once by CRESCENT_ISA, and the level in use. */
#include "ck_cpu.h"
#include <pthread.h>
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

/* The cap, chosen once at first use: the hardware level, lowered by CRESCENT_ISA. Until then
 * ck_isa_cap holds -1; kernel_table.h reads it without a call once it is set. */
static pthread_once_t cap_once = PTHREAD_ONCE_INIT;
int ck_isa_cap = -1;

static void choose_cap(void) {
  ck_isa isa = hardware_isa();
  const char *env = getenv("CRESCENT_ISA");
  if (env) {
    if (strcmp(env, "portable") == 0) isa = CK_ISA_PORTABLE;
    else if (strcmp(env, "avx2") == 0 && isa >= CK_ISA_AVX2) isa = CK_ISA_AVX2;
  }
  __atomic_store_n(&ck_isa_cap, (int)isa, __ATOMIC_RELEASE);
}

ck_isa ck_detected_isa(void) {
  int cap = __atomic_load_n(&ck_isa_cap, __ATOMIC_ACQUIRE);
  if (cap >= 0) return (ck_isa)cap;
  pthread_once(&cap_once, choose_cap);
  return (ck_isa)__atomic_load_n(&ck_isa_cap, __ATOMIC_ACQUIRE);
}

ck_isa ck_usable_isa(ck_isa isa) {
  ck_isa cap = ck_detected_isa();
  return isa > cap ? cap : isa;
}

/* The level in use; -1 until first asked for or set. */
static int active = -1;

ck_isa ck_active_isa(void) {
  int a = __atomic_load_n(&active, __ATOMIC_ACQUIRE);
  if (a < 0) {
    int expected = -1;
    __atomic_compare_exchange_n(&active, &expected, (int)ck_detected_isa(), 0, __ATOMIC_ACQ_REL,
                                __ATOMIC_ACQUIRE);
    a = __atomic_load_n(&active, __ATOMIC_ACQUIRE);
  }
  return (ck_isa)a;
}

ck_isa ck_set_isa(ck_isa isa) {
  ck_isa level = ck_usable_isa(isa);
  __atomic_store_n(&active, (int)level, __ATOMIC_RELEASE);
  return level;
}

const char *ck_isa_name(ck_isa isa) {
  switch (isa) {
    case CK_ISA_AVX512: return "avx512";
    case CK_ISA_AVX2: return "avx2";
    default: return "portable";
  }
}
