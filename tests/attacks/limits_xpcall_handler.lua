-- command: run
-- args: --timeout 1
-- exit: 124
-- expect-match: limits_xpcall_handler.lua:[0-9]+: time limit exceeded
-- max-seconds: 6
-- The message handler of xpcall runs with hooks off: past the deadline it is not run, and the
-- script stops with its position.
local function loop() while true do end end
xpcall(loop, loop)
