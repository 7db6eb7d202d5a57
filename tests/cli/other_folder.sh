# The shipped recipes and specs work from any working directory, without CRESCENT_PATH.
unset CRESCENT_PATH
"$crescent" test "$root/spec" > specs.out 2>&1
echo "crescent test <root>/spec: exit $?, $(tail -n 1 specs.out | sed -E 's/^[0-9]+ passed/N passed/')"
mkdir elsewhere
cat > elsewhere/uses_recipe.lua <<'LUA'
local kfold = require "recipes.kfold"
print(kfold.table(kfold.summarize { { f1 = 0.5 }, { f1 = 0.7 } }))
LUA
step "$crescent" run elsewhere/uses_recipe.lua
cd elsewhere && step "$crescent" run uses_recipe.lua && cd ..
cat > missing.lua <<'LUA'
require "recipes.nope"
LUA
step "$crescent" run missing.lua
