-- An uncaught data error ends the run with exit code 1 and names the file, line and token.
local ds = data.load_csv("tests/golden/data/bad.csv", {last = 1})
print(ds)
