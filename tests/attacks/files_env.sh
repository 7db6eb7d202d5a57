# command: sh
# args:
# exit: 0
# expect-transcript: files_env.expected
# Messages never show the values of environment variables: load_mulan names CRESCENT_DATA's
# folder as <CRESCENT_DATA>.
mkdir -p data-secret-value/broken work && cd work
printf '@relation x\n@attribute a numeric\n@data\nnot-a-number\n' > ../data-secret-value/broken/broken-train.arff
cp ../data-secret-value/broken/broken-train.arff ../data-secret-value/broken/broken-test.arff
printf '<labels xmlns="http://mulan.sourceforge.net/labels"><label name="a"></label></labels>\n' > ../data-secret-value/broken/broken.xml
cat > mulan.lua <<'LUA'
print(pcall(data.load_mulan, "yeast"))
print(pcall(data.load_mulan, "broken"))
print(pcall(data.load_mulan, ".."))
LUA
CRESCENT_DATA="$(cd ../data-secret-value && pwd)" step "$crescent" run mulan.lua
