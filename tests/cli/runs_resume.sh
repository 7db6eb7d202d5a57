# `crescent resume <id>` continues an interrupted or failed run from its checkpoints, under the
# same id, and ends with what the uninterrupted run ends with, bit for bit. A COMPLETED run, and
# a run whose script changed, are refused (the latter accepted with --force).
unset CRESCENT_STORE
norm() { sed -E -e 's/[0-9]{8}-[0-9]{6}-[0-9a-f]{4}/<id>/g' -e 's/train.lua:[0-9]+/train.lua:<line>/g'; }
cat > train.lua <<'LUA'
local ex = experiment "train"
ex:config { epochs = 8, pause_at = 0 }
ex:main(function(cfg, run)
  -- A run that was stopped has its points stored: a resumed run starts with them.
  local first = #run:history("loss").steps == 0
  local x = tensor.randn(200, 16, {seed = 1})
  local y = x:matmul(tensor.randn(16, 4, {seed = 2})):gt(0)
  local m = nn.Sequential{ input_dim = 16, nn.Dense(64, {activation = "relu"}), nn.Dropout(0.3),
                           nn.Dense(4, {activation = "sigmoid"}) }
  m:compile{ optimizer = optim.Adam{lr = 0.01}, loss = "binary_crossentropy" }
  local h = m:fit(x, y, { epochs = cfg.epochs, batch_size = 32, validation_split = 0.2, verbose = 0,
    checkpoint = true,
    callbacks = { { on_epoch_end = function(epoch)
      if first and epoch == cfg.pause_at then
        print("epoch " .. (epoch - 1) .. " checkpointed")
        while true do end  -- waits here to be stopped
      end
    end } } })
  m:save(run.folder .. "/final.safetensors")
  print("epochs in the history: " .. #h.loss)
  return { loss = h.loss[#h.loss], val_loss = h.val_loss[#h.val_loss] }
end)
LUA
id_of() { "$crescent" runs --filter "$1" | tail -n 1 | cut -d' ' -f1; }
step "$crescent" run --seed 5 train.lua | norm
"$crescent" run --seed 5 train.lua with pause_at=4 > out.txt 2> err.txt &
pid=$!
for _ in $(seq 600); do grep -q "checkpointed" out.txt 2>/dev/null && break; sleep 0.1; done
kill -TERM "$pid"
wait "$pid"
echo "stopped: exit $?"
whole="$(id_of 'config.pause_at=0')"
stopped="$(id_of 'config.pause_at=4')"
echo "stopped run: $("$crescent" runs show "$stopped" | grep -E "^  status" | tr -s ' ')"
echo "its checkpoint: $(ls "runs/$stopped/checkpoints")"
step "$crescent" resume "$whole" | norm
echo "-- the script changes; resuming is refused"
cp train.lua train.lua.orig
echo "-- a comment" >> train.lua
step "$crescent" resume "$stopped" | norm
mv train.lua.orig train.lua
step "$crescent" resume "$stopped" | norm
echo "resumed run: $("$crescent" runs show "$stopped" | grep -E "^  status" | tr -s ' ')"
cmp "runs/$whole/final.safetensors" "runs/$stopped/final.safetensors" && echo "final weights: identical"
"$crescent" runs show "$whole" | grep -E '^  (loss|val_loss) ' | tr -s ' ' | sort > whole.txt
"$crescent" runs show "$stopped" | grep -E '^  (loss|val_loss) ' | tr -s ' ' | sort > resumed.txt
cat resumed.txt
cmp whole.txt resumed.txt && echo "series: identical (no point written twice)"
# A result table's keys come in Lua's order, which varies between processes: compare them sorted.
"$crescent" runs show "$whole" | sed -n '/^result/,/^[a-z]/p' | head -3 | sort > whole.txt
"$crescent" runs show "$stopped" | sed -n '/^result/,/^[a-z]/p' | head -3 | sort > resumed.txt
cmp whole.txt resumed.txt && echo "result: identical"
echo "-- a failed run, its script fixed: --force"
echo 'local ex = experiment "f"; ex:main(function() error("broken") end)' > f.lua
"$crescent" run --seed 2 f.lua > /dev/null 2>&1
failed="$(id_of 'experiment=f')"
echo 'local ex = experiment "f"; ex:main(function() print("fixed") end)' > f.lua
step "$crescent" resume "$failed" | norm
step "$crescent" resume --force "$failed" | norm
echo "forced run: $("$crescent" runs show "$failed" | grep -E "^  status" | tr -s ' ')"
