# SIGTERM during a long fit stops it at the next batch (not after the whole fit): the run is
# recorded INTERRUPTED with the epochs it finished.
unset CRESCENT_STORE
cat > fit.lua <<'LUA'
local ex = experiment "longfit"
ex:main(function(cfg, run)
  local x = tensor.randn(4096, 64, {seed = 1})
  local y = x:matmul(tensor.randn(64, 8, {seed = 2})):gt(0)
  local m = nn.Sequential{input_dim = 64, nn.Dense(512, {activation = "relu"}), nn.Dense(8, {activation = "sigmoid"})}
  m:compile{optimizer = optim.Adam{}, loss = "binary_crossentropy"}
  m:fit(x, y, {epochs = 100000, batch_size = 32, verbose = 0,
    callbacks = {{on_epoch_end = function(e) if e == 1 then print("epoch 1 done") end end}}})
end)
LUA
"$crescent" run fit.lua > out.txt 2> err.txt &
pid=$!
for _ in $(seq 600); do grep -q "epoch 1 done" out.txt 2>/dev/null && break; sleep 0.1; done
start=$(date +%s)
kill -TERM "$pid"
wait "$pid"
echo "exit: $?"
[ $(( $(date +%s) - start )) -le 5 ] && echo "stopped within 5 s" || echo "took $(( $(date +%s) - start )) s to stop"
sed -E -e 's/fit.lua:[0-9]+/fit.lua:<line>/g' err.txt | head -n 1
"$crescent" runs | tail -n 1 | awk '{print $2, $3}'
