# `crescent test` and `crescent repl` take the sandbox options too; test's may follow the paths.
cat > io_spec.lua <<'LUA'
describe("io", function() it("is open", function() assert.truthy(io ~= nil) end) end)
LUA
step "$crescent" test io_spec.lua --allow io
step "$crescent" test io_spec.lua
cat > seed_spec.lua <<'LUA'
describe("the root seed", function() it("draws the same", function()
  assert.equals(tensor.rand(1, 1):item() == tensor.rand(1, 1):item(), false) end) end)
LUA
step "$crescent" test seed_spec.lua --seed 4 -- io_spec.lua
printf 'while true do end\n1 + 1\n' > endless.txt
echo "(input: endless.txt)"; cat endless.txt
step timeout -s KILL 10 "$crescent" repl --timeout 1 < endless.txt
echo 'io ~= nil' > io.txt
echo "(input: io.txt)"; cat io.txt
step "$crescent" repl --allow io < io.txt
