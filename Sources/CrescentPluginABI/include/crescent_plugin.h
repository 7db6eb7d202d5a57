/* The boundary between Crescent and a native plugin: plain C, no Lua and no Swift types.
 *
 * A plugin is a shared library exporting crescent_plugin_init. The host calls it once at load
 * with the API table below and an opaque host pointer; the plugin registers its functions,
 * losses, metrics and layers through the table and returns 0 (nonzero: the load fails).
 * Every string and array a descriptor points to is copied during the register_* call.
 *
 * Callbacks get a crescent_call: report results through api->result_* and failures through
 * api->fail (then return nonzero). The call is valid only while the callback runs. */
#ifndef CRESCENT_PLUGIN_H
#define CRESCENT_PLUGIN_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Bumped on any incompatible change; the host refuses other versions. */
#define CRESCENT_PLUGIN_ABI_VERSION 1

typedef enum {
  CRESCENT_NUMBER = 0,
  CRESCENT_INTEGER = 1,
  CRESCENT_STRING = 2,
  CRESCENT_BOOL = 3,
  CRESCENT_TENSOR = 4
} crescent_type;

/* A float32 tensor, row-major, owned by the host. */
typedef struct {
  const float *data;
  int rank;
  const long *shape;
} crescent_tensor;

/* One declared parameter. default_value is Lua-literal text ("1", "0.5", "true", "\"abc\"");
 * NULL makes it required. Options are given in a trailing table: f(x, {scale = 2}). */
typedef struct {
  const char *name;
  crescent_type type;
  const char *doc;
  const char *default_value;
  int is_option;
} crescent_param;

/* One checked argument, in the order the parameters were declared. */
typedef struct {
  crescent_type type;
  double number;          /* CRESCENT_NUMBER, CRESCENT_INTEGER, CRESCENT_BOOL (0 or 1) */
  const char *string;     /* CRESCENT_STRING */
  crescent_tensor tensor; /* CRESCENT_TENSOR */
} crescent_arg;

typedef struct crescent_call crescent_call;

/* All callbacks return 0 on success; on failure call api->fail and return nonzero. */
typedef int (*crescent_function_fn)(crescent_call *call, const crescent_arg *args, int nargs, void *user);
/* Mean loss over n x l predictions; gradient (d loss / d predictions, n x l) may be NULL. */
typedef int (*crescent_loss_fn)(crescent_call *call, const float *predictions, const float *targets,
                                long n, long l, double *loss, float *gradient, void *user);
/* A whole-array metric over n x l truths (0/1) and scores. */
typedef int (*crescent_metric_fn)(crescent_call *call, const float *truths, const float *scores,
                                  long n, long l, double *result, void *user);
/* A stateless elementwise layer over n x d buffers. */
typedef int (*crescent_forward_fn)(crescent_call *call, const float *x, float *y, long n, long d, void *user);
typedef int (*crescent_backward_fn)(crescent_call *call, const float *x, const float *dy, float *dx,
                                    long n, long d, void *user);

typedef struct {
  const char *module;  /* new or existing, e.g. "extras" */
  const char *name;
  const char *summary;
  const crescent_param *params;
  int n_params;
  crescent_type returns; /* CRESCENT_NUMBER or CRESCENT_TENSOR, for the reference */
  crescent_function_fn call;
  void *user;
} crescent_function_desc;

/* compile{loss = "<name>"}; also losses.<Name>{} with the name in CamelCase. */
typedef struct {
  const char *name;
  const char *summary;
  crescent_loss_fn compute;
  void *user;
} crescent_loss_desc;

/* compile{metrics = {"<name>"}} and metrics.<name>(y, scores). */
typedef struct {
  const char *name;
  const char *summary;
  int higher_is_better;
  crescent_metric_fn compute;
  void *user;
} crescent_metric_desc;

/* nn.<name>() in a Sequential. */
typedef struct {
  const char *name;
  const char *summary;
  crescent_forward_fn forward;
  crescent_backward_fn backward;
  void *user;
} crescent_layer_desc;

typedef struct {
  int abi_version; /* CRESCENT_PLUGIN_ABI_VERSION of the host */
  /* Registration (during crescent_plugin_init only): 0 on success; on failure the host keeps
   * the message and the load fails, so return nonzero from init. */
  int (*register_function)(void *host, const crescent_function_desc *desc);
  int (*register_loss)(void *host, const crescent_loss_desc *desc);
  int (*register_metric)(void *host, const crescent_metric_desc *desc);
  int (*register_layer)(void *host, const crescent_layer_desc *desc);
  /* Results of a function call: a number, or a new tensor the plugin fills (NULL on failure). */
  void (*result_number)(crescent_call *call, double value);
  float *(*result_tensor)(crescent_call *call, int rank, const long *shape);
  /* Records the message shown to the script (as "module.name: message"); returns 1. */
  int (*fail)(crescent_call *call, const char *message);
} crescent_plugin_api;

/* Every plugin exports its ABI version with this macro (at file scope), and the entry point.
 * The host refuses a plugin built against another version. */
#define CRESCENT_PLUGIN_DECLARE_ABI \
  int crescent_plugin_abi_version(void) { return CRESCENT_PLUGIN_ABI_VERSION; }
int crescent_plugin_abi_version(void);
typedef int (*crescent_plugin_abi_version_fn)(void);

/* The entry point every plugin exports. */
int crescent_plugin_init(const crescent_plugin_api *api, void *host);
typedef int (*crescent_plugin_init_fn)(const crescent_plugin_api *api, void *host);

#ifdef __cplusplus
}
#endif

#endif
