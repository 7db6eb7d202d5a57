-- A learning-rate range test (Smith 2015): trains on successive batches while raising the
-- learning rate geometrically, and records the loss at each rate. Pick a rate somewhat below
-- the one with the lowest loss.
--   local lr_finder = require "recipes.lr_finder"
--   local opt = optim.Adam {}
--   model:compile { optimizer = opt, loss = "binary_crossentropy" }
--   local r = lr_finder.run(model, opt, x, y, { min_lr = 1e-5, max_lr = 1, steps = 40 })
--   -- r.lrs, r.losses, r.best_lr
local lr_finder = {}

function lr_finder.run(model, opt, x, y, opts)
  opts = opts or {}
  local min_lr, max_lr = opts.min_lr or 1e-6, opts.max_lr or 1
  local steps, batch_size = opts.steps or 50, opts.batch_size or 32
  local stop_factor = opts.stop_factor or 4
  assert(min_lr > 0 and max_lr > min_lr, "lr_finder.run: expects 0 < min_lr < max_lr")
  assert(steps >= 2, "lr_finder.run: expects at least 2 steps")
  local n = x:shape()
  local ratio = (max_lr / min_lr) ^ (1 / (steps - 1))
  local lrs, losses = {}, {}
  local best_loss, best_lr = math.huge, min_lr
  local first = 1
  for i = 1, steps do
    local lr = min_lr * ratio ^ (i - 1)
    if first > n then first = 1 end
    local last = math.min(first + batch_size - 1, n)
    opt:set_lr(lr)
    local loss = model:train_on_batch(x:rows(first, last), y:rows(first, last))
    first = last + 1
    lrs[#lrs + 1], losses[#losses + 1] = lr, loss
    if loss < best_loss then best_loss, best_lr = loss, lr end
    if loss ~= loss or loss > stop_factor * best_loss then break end   -- diverged
  end
  return { lrs = lrs, losses = losses, best_lr = best_lr, best_loss = best_loss }
end

return lr_finder
