-- One loss function, in training and on plain tensors: a whole-tensor reduction gives a number
-- on a plain tensor and a one-element tensor on one that tracks gradients, and both answer
-- :item(), so the same code runs in compile{loss = fn} and when called directly.
local seen = {}
local function mse(p, y)
  local err = ((p - y) ^ 2):mean()
  seen[#seen + 1] = string.format("%.6f", err:item())
  return err
end

local x = tensor.randn(20, 3, {seed = 1})
local y = x:matmul(tensor.randn(3, 1, {seed = 2}))
local m = nn.Sequential{input_dim = 3, seed = 4, nn.Dense(1)}
m:compile{optimizer = optim.SGD{lr = 0.1}, loss = mse}
local h = m:fit(x, y, {epochs = 2, batch_size = 20, shuffle = false, verbose = 0})
print("in training:", table.concat(seen, " "), string.format("%.6f %.6f", h.loss[1], h.loss[2]))

local direct = mse(m:predict(x), y)
print("on plain tensors:", math.type(direct), string.format("%.6f", direct:item()))
print("evaluate agrees:", string.format("%.6f", m:evaluate(x, y).loss) == string.format("%.6f", direct))

-- The rule for each reduction.
local a = tensor.from{{1, 2}, {3, 4}}
print("plain:", a:sum(), a:mean():item(), a:max():item(), a:min():item())
local t = a:requires_grad()
print("tracked:", t:sum():numel(), t:sum():item(), t:mean():item(), t:max():item(), t:min():item())
print("by axis:", a:sum(1), a:sum(1):sum())
print(pcall(function() local n = a:sum(); return n.values end))
m:compile{optimizer = optim.SGD{lr = 0.1}, loss = function(p, yy) return mse(p, yy):item() end}
print(pcall(m.fit, m, x, y, {verbose = 0}))
