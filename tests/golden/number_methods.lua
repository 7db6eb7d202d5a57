-- One loss function runs on plain tensors (whose reductions give Lua numbers) and in fit (whose
-- reductions give one-element tensors): numbers answer the scalar tensor methods, and
-- one-element tensors compare with numbers by < and <=.
local function loss(p, y)
  local d = p - y
  local rmse = d:square():mean():sqrt():clamp(0, 10):maximum(1e-6):minimum(1e6)
  local gate = d:abs():mean():pow(2):log():exp():sigmoid():tanh():relu():sign()
  local penalty = d:abs():max():neg():abs()
  if rmse < 100 and rmse <= 100 and not (rmse > 100) then return rmse * gate + 0.01 * penalty end
  error("diverged")
end

-- Plain tensors: sqrt(0.1) + 0.01 * 0.4 = 0.3202277660 (numpy, double).
local p = tensor.from{{0.2, 0.8}, {0.6, 0.4}}
local y = tensor.from{{0, 1}, {1, 0}}
local plain = loss(p, y)
print(math.type(plain), string.format("%.6f", plain:item()))

-- Each method on a number, against math.* and the definitions (double precision).
local n = 0.3
print(n:sqrt() == math.sqrt(0.3), n:log() == math.log(0.3), n:exp() == math.exp(0.3), (-2):abs() == 2)
print(n:square() == 0.3 * 0.3, (2):pow(10) == 1024, n:sigmoid() == 1 / (1 + math.exp(-0.3)))
print(string.format("%.12f %.12f", n:tanh(), (1e-3):tanh()))   -- 0.291312612452 0.000999999667
print((-1.5):relu(), (2.5):relu(), (-3):sign(), (0):sign(), (4):sign(), (5):neg())
print((7):clamp(0, 5), (-1):clamp(0, 5), (3):maximum(4), (3):minimum(4), (2):item())

-- In fit, the same function gets tracked tensors: the first epoch's loss (one batch, weights
-- not yet changed) is the function on the untrained model's predictions.
local x = tensor.from{{0, 1}, {1, 0}, {1, 1}, {0, 0}}
local t = tensor.from{{1, 0}, {0, 1}, {1, 1}, {0, 0}}
local m = nn.Sequential{input_dim = 2, seed = 3, nn.Dense(2, {activation = "sigmoid"})}
m:compile{optimizer = optim.SGD{lr = 0.1}, loss = loss}
local before = loss(m:predict(x), t)
local h = m:fit(x, t, {epochs = 2, batch_size = 4, verbose = 0, shuffle = false})
print("fit runs the loss:", #h.loss, math.abs(h.loss[1] - before) < 1e-6, h.loss[2] < h.loss[1])

-- One-element tensors and numbers compare; == across types stays false (Lua's rule).
local one = tensor.from{0.5}
print(one < 1, one <= 0.5, 0.25 < one, one == 0.5, one:item() == 0.5)
print(pcall(function() return tensor.zeros(3) < 1 end))

-- Other keys of a number keep Lua's wording.
print(pcall(function() local lr = 0.1; return lr.lr end))
print(pcall(function() for _ in ipairs(512) do end end))
print(pcall(function() return (1):nosuch() end))
print(pcall(function() return (1):clamp(2, 1) end))
