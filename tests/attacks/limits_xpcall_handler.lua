-- args: --timeout 1
-- exit: 124
-- stderr: time limit exceeded
-- The message handler of xpcall runs with hooks off: an endless handler still ends.
local function loop() while true do end end
xpcall(loop, loop)
