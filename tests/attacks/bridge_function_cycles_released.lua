-- command: run
-- args:
-- exit: 0
-- expect: bounded
-- max-rss-mb: 60
-- Lua functions kept by objects they refer back to are released when Lua collects them.
for i = 1, 50000 do
  local layer
  layer = nn.Custom{forward = function(self, x) return layer and x end, parameters = {w = tensor.zeros(10, 10):requires_grad()}}
  local m = nn.Sequential{input_dim = 10}
  m:add(layer)
  m:compile{loss = function(p, y) return m and (p - y):sum() end}
  local s
  s = optim.LambdaLR{fn = function(epoch, lr) return s and lr end}
end
collectgarbage()
print("bounded")
