# command: sh
# args:
# exit: 0
# expect-transcript: files_commands.expected
# `crescent test` and `crescent repl` keep the same file rules and take the same grants: a spec
# file reads its own folder, not a folder beside it unless granted.
mkdir -p outside spec work && cd work
printf 'a,b\n1,0\n' > ../outside/d.csv
printf 'a,b\n1,0\n' > ../spec/own.csv
outside="$(cd ../outside && pwd)"
spec="$(cd ../spec && pwd)"
cat > ../spec/files_spec.lua <<LUA
describe("files", function()
  it("reads its own folder", function() assert.truthy(data.load_csv("$spec/own.csv", {last = 1})) end)
  it("is refused outside", function()
    assert.errors(function() data.load_csv("$outside/d.csv", {last = 1}) end, "outside the folders allowed")
  end)
  it("writes nothing outside", function()
    assert.errors(function() data.save_npy(tensor.ones(2), "$outside/x.npy") end, "a script may write only under")
  end)
end)
LUA
step "$crescent" test ../spec
cat > granted_spec.lua <<LUA
describe("granted", function()
  it("reads the granted folder", function() assert.truthy(data.load_csv("$outside/d.csv", {last = 1})) end)
end)
LUA
"$crescent" test granted_spec.lua > granted.out 2>&1; echo "test without the grant: exit $?"
step "$crescent" test granted_spec.lua --allow-read ../outside
echo "print(pcall(data.load_csv, '$outside/d.csv', {last = 1}))" | "$crescent" repl | sed 's/folders allowed.*/folders allowed.../'
echo "print(pcall(data.load_csv, '$outside/d.csv', {last = 1}))" | "$crescent" repl --allow-read ../outside | cut -c1-4
ls -A ../outside
