# command: sh
# args:
# exit: 0
# expect-transcript: files_require.expected
# require reads only .lua files in the folders it searches: a NUL in the name never runs a
# file without .lua, a module linked to a file outside is refused, and messages name
# CRESCENT_PATH's folders without their values.
mkdir -p outside work/lib && cd work
printf 'print("ran config without .lua")\nreturn {}\n' > config
printf 'print("ran the outside module")\nreturn {}\n' > ../outside/evil.lua
ln -s ../../outside/evil.lua lib/evil.lua
cat > req.lua <<'LUA'
print(pcall(require, "config\0"))
print(pcall(require, "lib.evil"))
print(pcall(require, "nothing_here"))
LUA
CRESCENT_PATH="$(cd ../outside && pwd)/secret-path-value" step "$crescent" run req.lua
# An error inside a module found through CRESCENT_PATH names it by <CRESCENT_PATH>, not the value.
mkdir -p ../outside/secret-path-value
printf 'error("broken module")\n' > ../outside/secret-path-value/badmod.lua
cat > use_badmod.lua <<'LUA'
print(pcall(require, "badmod"))
LUA
CRESCENT_PATH="$(cd ../outside && pwd)/secret-path-value" step "$crescent" run use_badmod.lua
