-- The low-level loop, m:gradients then opt:step, trains as fit does, on the model's own tensors.
local n, batch = 24, 8
local x = tensor.randn(n, 5, {seed = 1})
local y = tensor.rand(n, 3, {seed = 2}):lt(0.4)

local function model()
  local m = nn.Sequential{input_dim = 5, seed = 1,
    nn.Dense(7, {activation = "relu"}), nn.Dense(3, {activation = "sigmoid"})}
  m:compile{optimizer = optim.Adam{lr = 0.01}, loss = "binary_crossentropy"}
  return m
end

local function same(a, b)
  for k = 1, #a do
    local d = a[k] - b[k]
    if (d * d):sum():item() ~= 0 then return false end
  end
  return #a == #b
end

describe("the low-level loop", function()
  it("equals fit without shuffling, step for step", function()
    local fitted, looped = model(), model()
    fitted:fit(x, y, {epochs = 3, batch_size = batch, shuffle = false, verbose = 0})
    local opt = optim.Adam{lr = 0.01}
    for _ = 1, 3 do
      for s = 1, n, batch do
        local _, grads = looped:gradients(x:rows(s, s + batch - 1), y:rows(s, s + batch - 1))
        opt:step(looped:parameters(), grads)
      end
    end
    assert.truthy(same(fitted:get_weights(), looped:get_weights()))
  end)

  it("leaves gradients the script holds as they were", function()
    local m = model()
    local _, first = m:gradients(x:rows(1, batch), y:rows(1, batch))
    local kept = {}
    for k, g in ipairs(first) do kept[k] = g:clone() end
    m:apply_gradients(first)
    local _, second = m:gradients(x:rows(batch + 1, 2 * batch), y:rows(batch + 1, 2 * batch))
    assert.truthy(same(first, kept))
    assert.falsy(same(second, kept))
  end)
end)
