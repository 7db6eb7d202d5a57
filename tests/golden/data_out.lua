-- crescent: --allow os --allow-write /tmp
-- Data out: save_npy round trip, a Dataset from tensors, scalers that keep datasets and undo themselves.
local path = os.tmpname()
local t = tensor.from{{1.5, -2}, {0.25, 3e38}, {-0.5, 7.25}}
data.save_npy(t, path)
local back = data.load_npy(path)
os.remove(path)
print(back:size(1), back:size(2), back:get(1, 1), back:get(2, 2), back:get(3, 2))

local ds = data.Dataset{x = tensor.from{{1, 10}, {2, 20}, {3, 40}}, y = tensor.from{{1, 0}, {0, 1}, {1, 1}},
                        feature_names = {"a", "b"}, label_names = {"p", "q"}, name = "mine"}
print(ds, ds.feature_names[2], ds.label_names[1])
local sc = data.MinMaxScaler{feature_range = {-1, 1}}
local scaled = sc:fit_transform(ds)
print(scaled, sc.feature_range[1], sc.feature_range[2])
print(scaled.x)
print(sc:inverse_transform(scaled).x)
local st = data.StandardScaler():fit(ds)
print(st:inverse_transform(st:transform(ds.x)))
local train, test = scaled:split{test_size = 1 / 3, seed = 1, stratify = "none"}
print(train.n, test.n, train.feature_names[1])

local function try(f, ...) print(select(2, pcall(f, ...))) end
try(data.Dataset, {x = ds.x, y = tensor.from{1, 0, 1}})
try(data.Dataset, {x = ds.x, y = tensor.zeros(2, 1)})
try(data.MinMaxScaler, {feature_range = {1, 0}})
try(data.MinMaxScaler, {feature_range = {0, 1}, high = 2})
