import ArgumentParser
import LuaHost
import StandardLibrary

extension TrainBench {
  /// The modes of `--mode` (W2 only), as `bench/w2_modes.lua` names them.
  static let modes = ["fit", "custom", "loop", "lua-loss"]

  /// W2 trained one of four ways from a script, each for `epochs` epochs after a warm-up one
  /// (CPU time); prints `train workload=w2 mode=... samples_per_sec=...`:
  /// fit (`model:fit`), custom (the hidden layer written as `nn.Custom`), loop (the low-level
  /// loop, `m:gradients` then `opt:step`) and lua-loss (binary cross-entropy written in Lua).
  /// The script is `bench/w2_modes.lua`'s, so an older binary can run the same under `crescent run`.
  static func measureMode(_ mode: String, epochs: Int) throws {
    guard modes.contains(mode) else {
      throw ValidationError("--mode expects \(modes.joined(separator: ", ")), got '\(mode)'")
    }
    var options = LuaState.Options()
    options.output = { print($0, terminator: "") }
    let state = LuaState(catalog: .standard(), options: options)
    try state.run(script, chunkName: "=w2_modes", arguments: [mode, String(epochs)])
  }

  static let script = """
    local only, epochs = arg[1] or "all", math.tointeger(tonumber(arg[2] or "10"))
    local n, batch = 2417, 32
    local x = tensor.randn(n, 103, {seed = 1})
    local y = tensor.rand(n, 14, {seed = 2}):lt(0.3)

    local function model(hidden)
      return nn.Sequential{input_dim = 103, seed = 1,
        hidden or nn.Dense(256, {activation = "relu"}), nn.Dense(14, {activation = "sigmoid"})}
    end

    local function bce(p, t)
      p = p:clamp(1e-7, 1 - 1e-7)
      return -(t * p:log() + (1 - t) * (1 - p):log()):mean()
    end

    local function fitter(m, loss)
      m:compile{optimizer = optim.Adam{}, loss = loss}
      return function(e) m:fit(x, y, {epochs = e, batch_size = batch, shuffle = false, verbose = 0}) end
    end

    local modes = {
      {"fit", function() return fitter(model()) end},
      {"custom", function()
        local w = (tensor.randn(103, 256, {seed = 3}) * 0.1):requires_grad()
        local b = tensor.zeros(256):requires_grad()
        return fitter(model(nn.Custom{forward = function(self, h) return (h:matmul(w) + b):relu() end, parameters = {w, b}}))
      end},
      {"loop", function()
        local m = model()
        m:compile{optimizer = optim.Adam{}}
        local opt = optim.Adam{}
        return function(e)
          for _ = 1, e do
            for s = 1, n, batch do
              local last = math.min(s + batch - 1, n)
              local _, grads = m:gradients(x:rows(s, last), y:rows(s, last))
              opt:step(m:parameters(), grads)
            end
          end
        end
      end},
      {"lua-loss", function() return fitter(model(), bce) end},
    }

    for _, mode in ipairs(modes) do
      local name, make = mode[1], mode[2]
      if only == "all" or only == name then
        local train = make()
        train(1)
        local t0 = os.clock()
        train(epochs)
        local seconds = os.clock() - t0
        print(string.format("train workload=w2 mode=%s epochs=%d samples_per_sec=%.0f", name, epochs, epochs * n / seconds))
      end
    end
    """
}
