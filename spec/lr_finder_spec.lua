local lr_finder = require "recipes.lr_finder"

describe("lr_finder", function()
  local ds = data.make_multilabel { n_samples = 256, n_features = 8, n_classes = 4, seed = 5 }

  local function model_and_optimizer()
    local opt = optim.Adam {}
    local model = nn.Sequential { input_dim = 8, seed = 1, nn.Dense(16, { activation = "relu" }),
                                  nn.Dense(4, { activation = "sigmoid" }) }
    model:compile { optimizer = opt, loss = "binary_crossentropy" }
    return model, opt
  end

  it("records one loss per rate, rates rising geometrically", function()
    local model, opt = model_and_optimizer()
    local r = lr_finder.run(model, opt, ds.x, ds.y, { min_lr = 1e-4, max_lr = 1e-1, steps = 10, stop_factor = 1e9 })
    assert.equals(#r.lrs, 10)
    assert.equals(#r.losses, 10)
    assert.near(r.lrs[1], 1e-4, 1e-12)
    assert.near(r.lrs[10], 1e-1, 1e-9)
    assert.truthy(r.best_lr >= 1e-4 * 0.999 and r.best_lr <= 1e-1 * 1.001)
    assert.truthy(r.best_loss <= r.losses[1])
  end)

  it("checks its options", function()
    local model, opt = model_and_optimizer()
    assert.errors(function() lr_finder.run(model, opt, ds.x, ds.y, { min_lr = 1, max_lr = 0.1 }) end, "min_lr < max_lr")
  end)
end)
