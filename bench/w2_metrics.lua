-- W2 (103 → 256 relu → 14 sigmoid, batch 32, 2,417 samples) fitted for 20 epochs, with the
-- three training metrics when the first argument is "metrics": the CPU time of the two runs
-- gives the metrics' cost per epoch.
--   perf stat -e task-clock .build/release/crescent run --seed 1 bench/w2_metrics.lua [metrics]
local with = arg[1] == "metrics"
local x = tensor.randn(2417, 103, {seed = 1})
local y = tensor.rand(2417, 14, {seed = 2}):lt(0.3)
local m = nn.Sequential{input_dim = 103, seed = 1, nn.Dense(256, {activation = "relu"}), nn.Dense(14, {activation = "sigmoid"})}
m:compile{optimizer = optim.Adam{}, metrics = with and {"roc_auc_macro", "f1_micro", "hamming_loss"} or {}}
m:fit(x, y, {epochs = 20, verbose = 0})
