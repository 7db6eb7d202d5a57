-- command: run
-- args: --timeout 5
-- exit: 0
-- expect-match: dense_1500
-- max-seconds: 6
-- A 1,500-layer model is made in time linear in its depth.
local layers = {input_dim = 4}
for i = 1, 1500 do layers[i] = nn.Dense(4) end
local m = nn.Sequential(layers)
print(m.layers[1500].name)
