-- command: run
-- args:
-- exit: 0
-- expect: false	read-only
-- expect: Dense intact
-- Library tables stay read-only against rawset.
local real = nn.Dense
local ok, err = pcall(rawset, nn, "Dense", function() return "hijacked" end)
print(ok, type(err) == "string" and err:find("read%-only") and "read-only" or tostring(err))
print(nn.Dense == real and "Dense intact" or "Dense replaced")
