-- command: run
-- args:
-- exit: 0
-- expect: ok	1000
-- A native error inside a coroutine is raised on the coroutine, caught by its pcall, many times.
local co = coroutine.wrap(function()
  local caught = 0
  for i = 1, 1000 do
    local ok, err = pcall(tensor.zeros, -1)
    if not ok and type(err) == "string" and err:find("tensor.zeros") then caught = caught + 1 end
  end
  return caught
end)
print("ok", co())
