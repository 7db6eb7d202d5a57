/* An example Crescent plugin: a function, a loss and a metric written in C.
 *
 *   extras.softsign(t, {scale = 1})        scale * t / (1 + |t|), elementwise
 *   compile{loss = "squared_hinge"}        mean of max(0, 1 - s*o)^2, s = 2*target - 1
 *   losses.SquaredHinge{}                  the same loss as an object
 *   compile{metrics = {"label_cardinality_error"}}, metrics.label_cardinality_error(y, s)
 *                                          mean over rows of |#true labels - #predicted (s >= 0.5)|
 *   nn.Softsign()                          a layer: x / (1 + |x|), elementwise
 *
 * Build: cc -shared -fPIC -I Sources/CrescentPluginABI/include \
 *          examples/plugins/scaled_softsign/plugin.c -o libscaled_softsign.so */
#include <math.h>
#include <stdlib.h>
#include "crescent_plugin.h"

CRESCENT_PLUGIN_DECLARE_ABI

static const crescent_plugin_api *api;

static int softsign(crescent_call *call, const crescent_arg *args, int nargs, void *user) {
  (void)user;
  if (nargs != 2) return api->fail(call, "expected 2 arguments");
  crescent_tensor t = args[0].tensor;
  double scale = args[1].number;
  if (!(scale > 0)) return api->fail(call, "scale must be positive");
  float *out = api->result_tensor(call, t.rank, t.shape);
  if (!out) return 1;
  long count = 1;
  for (int k = 0; k < t.rank; k++) count *= t.shape[k];
  for (long i = 0; i < count; i++) out[i] = (float)(scale * t.data[i] / (1.0 + fabs(t.data[i])));
  return 0;
}

static int squared_hinge(crescent_call *call, const float *o, const float *t, long n, long l,
                         double *loss, float *grad, void *user) {
  (void)call; (void)user;
  double total = 0, scale = 1.0 / (double)(n * l);
  for (long i = 0; i < n * l; i++) {
    double s = 2.0 * t[i] - 1.0, m = 1.0 - s * o[i];
    double h = m > 0 ? m : 0;
    total += h * h;
    if (grad) grad[i] = (float)(-2.0 * s * h * scale);
  }
  *loss = total * scale;
  return 0;
}

static int label_cardinality_error(crescent_call *call, const float *y, const float *s, long n, long l,
                                   double *result, void *user) {
  (void)user;
  if (n == 0) return api->fail(call, "no rows");
  double total = 0;
  for (long i = 0; i < n; i++) {
    long truth = 0, predicted = 0;
    for (long j = 0; j < l; j++) {
      truth += y[i * l + j] != 0;
      predicted += s[i * l + j] >= 0.5f;
    }
    total += labs(truth - predicted);
  }
  *result = total / (double)n;
  return 0;
}

static int softsign_forward(crescent_call *call, const float *x, float *y, long n, long d, void *user) {
  (void)call; (void)user;
  for (long i = 0; i < n * d; i++) y[i] = x[i] / (1.0f + fabsf(x[i]));
  return 0;
}

static int softsign_backward(crescent_call *call, const float *x, const float *dy, float *dx, long n, long d, void *user) {
  (void)call; (void)user;
  for (long i = 0; i < n * d; i++) {
    float a = 1.0f + fabsf(x[i]);
    dx[i] = dy[i] / (a * a);
  }
  return 0;
}

int crescent_plugin_init(const crescent_plugin_api *a, void *host) {
  api = a;
  static const crescent_param params[] = {
    {"t", CRESCENT_TENSOR, "the input", NULL, 0},
    {"scale", CRESCENT_NUMBER, "the output range is (-scale, scale)", "1", 1},
  };
  crescent_function_desc f = {"extras", "softsign", "Scaled softsign: scale * t / (1 + |t|), elementwise.",
                              params, 2, CRESCENT_TENSOR, softsign, NULL};
  crescent_loss_desc loss = {"squared_hinge", "Squared hinge on 0/1 targets: mean of max(0, 1 - (2t - 1) o)^2.",
                             squared_hinge, NULL};
  crescent_metric_desc metric = {"label_cardinality_error",
                                 "Mean absolute difference between true and predicted (score >= 0.5) label counts per row.",
                                 0, label_cardinality_error, NULL};
  crescent_layer_desc layer = {"Softsign", "Softsign activation x / (1 + |x|).", softsign_forward, softsign_backward, NULL};
  if (api->register_function(host, &f)) return 1;
  if (api->register_loss(host, &loss)) return 1;
  if (api->register_metric(host, &metric)) return 1;
  if (api->register_layer(host, &layer)) return 1;
  return 0;
}
