-- crescent: --print-config
-- with: small lr=0.5 optim.beta1=0.8 name=3
local ex = experiment "print-config"
ex:config { lr = 1e-3, hidden = {64, 32}, name = "abc", optim = { beta1 = 0.9, beta2 = 0.999 } }
ex:config(function(c) c.hidden_total = c.hidden[1] + c.hidden[2] end)
ex:named_config("small", { hidden = {8, 4}, epochs = 2 })
ex:main(function(cfg, run) print("main does not run") end)
