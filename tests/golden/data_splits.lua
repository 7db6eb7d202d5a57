-- Seeded splits, folds, the split report, generators and scalers.
local m = data.make_multilabel{n_samples = 400, n_features = 10, n_classes = 4, seed = 1}
print(m, m.y:sum() / m.n)
local train, test = m:split{test_size = 0.25, seed = 2}
print(train, test)
local r = data.split_report(train, test)
print(string.format("max deviation %.4f", r.max_deviation), r.n_train, r.n_test)
local again_train = m:split{test_size = 0.25, seed = 2}
print("same split again:", (again_train.x - train.x):abs():sum() == 0)
for fold, a, b in m:kfold{k = 4, seed = 3} do print(fold, a.n, b.n) end
local sc = data.StandardScaler()
sc:fit(train.x)
local xt = sc:transform(test.x)
print(sc.kind, string.format("%.3f", train.x:mean()), string.format("%.3f", sc:transform(train.x):mean()))
local mm = data.MinMaxScaler()
print(mm:fit_transform(train.x):min(), mm:fit_transform(train.x):max())
local b = data.make_blobs{n_samples = 90, centers = 3, seed = 4}
print(b, b.y:sum())
local digits = data.digits{one_hot = true}
local dtr, dte = data.load("digits", {test_size = 0.2, seed = 5})
print(dtr, dte)
local s1, s2 = data.load("synthetic", {n_samples = 200, seed = 6})
print(s1, s2)
print(digits:shuffle{seed = 1})
print(pcall(data.load, "digits", {labels = 2}))
