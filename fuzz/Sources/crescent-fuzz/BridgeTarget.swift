import Catalog
import Foundation
import LuaHost
import StandardLibrary

/// Calls catalog entries through the Lua bridge with hostile values, chosen by the fuzz bytes:
/// wrong types, nil, NaN, infinities, negative and huge sizes, empty tensors, tables whose
/// metamethods error, cyclic and deep tables, strings with NUL bytes, callbacks that fail, and
/// the objects of every type (a model, a layer, a dataset, ...) as receivers and arguments.
/// Each input runs in a fresh state, sandboxed, with a deadline and a memory limit, as up to
/// four protected calls whose results later calls may take. A Lua error is the expected
/// outcome; a crash, a sanitizer report or a hang is a finding.
enum BridgeTarget {
  static let target = FuzzTarget(name: "bridge", summary: "every catalog entry through the Lua bridge with hostile values") { bytes in
    // CRESCENT_FUZZ_PRINT=1: show each program and what its calls returned (to replay a finding).
    let show = ProcessInfo.processInfo.environment["CRESCENT_FUZZ_PRINT"] != nil
    var source = BridgeProgram(bytes).source
    if show {
      source += "\nfor i = 1, #R do print(i, tostring(R[i][1]), tostring(R[i][2])) end"
      FileHandle.standardError.write(Data((source + "\n").utf8))
    }
    var options = LuaState.Options()
    options.output = show ? { FileHandle.standardError.write(Data($0.utf8)) } : { _ in }
    options.timeout = 2
    options.maxMemory = 64 << 20
    let root = FilePolicy.Root(Limits.temporaryFolder, origin: "the fuzzer's folder")
    options.files = FilePolicy(read: [root], write: [root])
    options.searchPath = [Limits.temporaryFolder]
    // A fixed seed: the same input makes the same program draw the same numbers, so a finding
    // replays.
    let state = LuaState(session: Session(catalog: catalog, seed: 1, output: OutputSink(write: options.output)), options: options)
    _ = try? state.run(source, chunkName: "fuzz.lua")
  }

  /// The catalog every state is made over (made once).
  static let catalog = Catalog.standard()

  /// What scripts can call: every module function, constructor and global function by name,
  /// and every method (and tensor function) on an object of its type.
  static let callees: [Callee] = {
    var out: [Callee] = []
    for e in catalog.modules.flatMap(\.entries) where e.kind != .hook {
      if e.global {
        out.append(Callee(expression: e.name, entry: e))
      } else if e.isModuleField {
        out.append(Callee(expression: "\(e.module).\(e.name)", entry: e))
      }
      if let type = e.methodOf {
        out.append(Callee(expression: "M(\(lua(type)), \(lua(e.name)))", entry: e, isMethod: true))
      }
    }
    let missing = Set(catalog.objectTypes.map(\.name)).subtracting(BridgeProgram.sampleTypes)
    if !missing.isEmpty {
      FileHandle.standardError.write(Data("crescent-fuzz bridge: no sample object for \(missing.sorted().joined(separator: ", ")) (their methods get hostile receivers only)\n".utf8))
    }
    return out
  }()

  struct Callee {
    let expression: String
    let entry: Entry
    var isMethod = false
  }

  /// A Lua string literal.
  static func lua(_ s: String) -> String {
    var out = "\""
    for u in s.utf8 {
      switch u {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"): out += "\\" + String(UnicodeScalar(u))
      case 0x20..<0x7F: out += String(UnicodeScalar(u))
      default: out += "\\\(u)"
      }
    }
    return out + "\""
  }
}

/// The Lua program one input stands for.
struct BridgeProgram {
  /// The object types the prelude can make (by `sample`).
  static let sampleTypes: Set<String> = ["Tensor", "Model", "Layer", "Optimizer", "Loss", "Callback", "CallbackTable",
                                          "Report", "Dataset", "Scaler", "Experiment", "Ingredient"]

  /// Values made by `V(i)`: the hostile pool.
  static let poolSize = 48

  /// Helpers every program starts with: V (a hostile value by number), S (a sample object of a
  /// type, made once per program), M (a method called on a sample), R (earlier results).
  static let prelude = #"""
  local R = {}
  local samples = {}
  local makers = {
    Tensor = function() return tensor.ones(2, 3) end,
    Model = function() return nn.Sequential{input_dim = 3, nn.Dense(4, {activation = "relu"}), nn.Dense(2)} end,
    Layer = function() return nn.Dense(2) end,
    Optimizer = function() return optim.Adam{lr = 0.01} end,
    Loss = function() return losses.MeanSquaredError() end,
    Callback = function() return callbacks.EarlyStopping{patience = 1} end,
    CallbackTable = function() return {on_epoch_end = function() end} end,
    Report = function() return metrics.report(tensor.from{{1, 0}, {0, 1}, {1, 1}}, tensor.from{{0.9, 0.2}, {0.3, 0.8}, {0.6, 0.4}}) end,
    Dataset = function() return data.make_multilabel{n_samples = 8, n_features = 3, n_classes = 2, seed = 1} end,
    Scaler = function() return data.StandardScaler() end,
    Experiment = function() return experiment "fuzz" end,
    Ingredient = function() return ingredient "part" end,
  }
  local function S(name)
    if samples[name] == nil then
      local ok, v = pcall(makers[name] or error)
      samples[name] = ok and v or false
    end
    return samples[name] or nil
  end
  local function M(type, name)
    return function(...) local o = S(type); return o[name](o, ...) end
  end
  local function fail() error("hostile metamethod") end
  local hostile = {__index = fail, __newindex = fail, __len = fail, __tostring = fail, __eq = fail, __lt = fail,
                   __le = fail, __call = fail, __concat = fail, __unm = fail, __add = fail, __pairs = fail,
                   __close = fail, __name = "Tensor", __gc = fail, __metatable = "locked"}
  local pool = {
    function() return nil end,
    function() return true end,
    function() return 0 end,
    function() return -1 end,
    function() return 0/0 end,
    function() return 1/0 end,
    function() return -1/0 end,
    function() return math.maxinteger end,
    function() return math.mininteger end,
    function() return 2^31 end,
    function() return 2^32 end,
    function() return 2^53 end,
    function() return 1e308 end,
    function() return -2^63 end,
    function() return 0.5 end,
    function() return 3 end,
    function() return "" end,
    function() return "a\0b" end,
    function() return string.rep("x", 100000) end,
    function() return "relu" end,
    function() return "../../../etc/passwd" end,
    function() return {} end,
    function() return {1, 2, 3} end,
    function() return {{1, 2}, {3}} end,
    function() local t = {} for _ = 1, 300 do t = {t} end return t end,
    function() local t = {} t[1] = t t.x = t return t end,
    function() return setmetatable({}, hostile) end,
    function() return setmetatable({1, 2}, {__len = function() return -1 end}) end,
    function() return setmetatable({}, {__len = function() return math.maxinteger end}) end,
    function() return setmetatable({}, {__index = function() return 0/0 end}) end,
    function() return function() error("callback failed") end end,
    function() return function() return 0/0 end end,
    function(...) return function(...) return ... end end,
    function() return function() coroutine.yield() end end,
    function() return coroutine.create(function() end) end,
    function() return tensor.zeros(0) end,
    function() return tensor.zeros(0, 3) end,
    function() return tensor.ones(2, 3) end,
    function() return tensor.from{{0/0, 1/0}, {-1/0, 0}} end,
    function() return tensor.ones(1) end,
    function() return tensor.ones(3, 1) end,
    function() return {1, 0/0, "x"} end,
    function() return {a = 1, [1] = 2} end,
    function() return {[2^53] = 1} end,
    function() return 1e-300 end,
    function() return -0.0 end,
    function() return 1 end,
    function() return 2 end,
  }
  local function V(i) return pool[i + 1]() end
  """#

  let source: String

  init(_ bytes: [UInt8]) {
    var input = FuzzInput(bytes)
    var lines = [BridgeProgram.prelude]
    let callees = BridgeTarget.callees
    for call in 1...4 {
      guard !input.isEmpty else { break }
      let callee = callees[Int(input.uint16()) % callees.count]
      let count = Int(input.byte() % 6)
      var arguments: [String] = []
      for k in 0..<count {
        let params = callee.entry.parameters, index = k + (callee.isMethod ? 1 : 0)
        let p = index < params.count ? params[index] : nil
        arguments.append(BridgeProgram.value(&input, parameter: p, entry: callee.entry, earlier: call - 1))
      }
      lines.append("R[\(call)] = table.pack(pcall(\(callee.expression)\(arguments.isEmpty ? "" : ", ")\(arguments.joined(separator: ", "))))")
    }
    lines.append("collectgarbage()")
    source = lines.joined(separator: "\n")
  }

  /// One argument: a hostile value, a plausible value of the parameter's declared type, an
  /// options table over the entry's declared option names, a sample object or an earlier
  /// result.
  static func value(_ input: inout FuzzInput, parameter: Parameter?, entry: Entry, earlier: Int, depth: Int = 0) -> String {
    let b = input.byte()
    switch b {
    case 0..<0x90:
      return "V(\(Int(b) % poolSize))"
    case 0x90..<0xC0:
      return plausible(&input, parameter?.type ?? .any)
    case 0xC0..<0xE8 where depth == 0:
      let n = 1 + Int(input.byte() % 3)
      var fields: [String] = []
      for _ in 0..<n {
        let key: String, type: ValueType
        if entry.options.isEmpty || input.byte() >= 0xF0 {
          (key, type) = (["n", "seed", "name", "shape", "__index"][Int(input.byte()) % 5], .any)
        } else {
          let o = entry.options[Int(input.byte()) % entry.options.count]
          (key, type) = (o.name, o.type)
        }
        let v = input.byte() < 0x80 ? "V(\(Int(input.byte()) % poolSize))" : plausible(&input, type)
        fields.append("[\(BridgeTarget.lua(key))] = \(v)")
      }
      return "{\(fields.joined(separator: ", "))}"
    case 0xE8..<0xF4:
      let types = sampleTypes.sorted()
      return "S(\(BridgeTarget.lua(types[Int(input.byte()) % types.count])))"
    default:
      guard earlier > 0 else { return "V(\(Int(b) % poolSize))" }
      let r = 1 + Int(input.byte()) % earlier
      return "R[\(r)][\(2 + Int(input.byte() % 2))]"
    }
  }

  /// A value the declared type accepts or just misses: the edges of ranges, the listed words,
  /// objects of the named type.
  static func plausible(_ input: inout FuzzInput, _ type: ValueType, depth: Int = 0) -> String {
    let b = Int(input.byte())
    switch type {
    case .integer, .positiveInteger, .nonNegativeInteger:
      return ["1", "2", "3", "0", "-1", "4", "2^31", "2^62", "100000", "7"][b % 10]
    case .number:
      return ["0.5", "1", "0", "-1", "1e-8", "1e9"][b % 6]
    case .numberIn(let lo, let hi), .numberInHalfOpen(let lo, let hi):
      return ["\(lo)", "\(hi)", "\((lo + hi) / 2)", "\(lo - 1e-9)", "\(hi + 1e-9)"][b % 5]
    case .numberAtLeast(let lo), .numberAbove(let lo):
      return ["\(lo)", "\(lo + 1)", "\(lo + 0.5)", "\(lo - 1)", "\(lo + 1e6)"][b % 5]
    case .bool:
      return b % 2 == 0 ? "true" : "false"
    case .string:
      return ["\"a\"", "\"relu\"", "\"x.csv\"", "\"\""][b % 4]
    case .oneOf(let words):
      return words.isEmpty ? "\"\"" : BridgeTarget.lua(words[b % words.count])
    case .tensor, .tensorLike, .tensorOrNumber:
      return ["tensor.ones(4, 3)", "tensor.ones(4, 2)", "tensor.from{{1, 0}, {0, 1}, {1, 1}, {0, 0}}", "tensor.zeros(0, 2)",
              "{{1, 2, 3}}", "tensor.ones(3)", "2"][b % 7]
    case .list(let inner):
      guard depth < 2 else { return "{}" }
      let n = b % 4
      return "{" + (0..<n).map { _ in plausible(&input, inner, depth: depth + 1) }.joined(separator: ", ") + "}"
    case .record:
      return ["{}", "{a = 1}", "{x = tensor.ones(2)}"][b % 3]
    case .function:
      return ["function(...) return ... end", "function() return 1 end", "function() error(\"cb\") end"][b % 3]
    case .object(let name):
      return "S(\(BridgeTarget.lua(name)))"
    case .either(let a, let c):
      return plausible(&input, b % 2 == 0 ? a : c, depth: depth)
    case .any:
      return "V(\(b % poolSize))"
    }
  }
}

/// The fuzz bytes read front to back; past the end every read is 0.
struct FuzzInput {
  private let bytes: [UInt8]
  private var at = 0
  init(_ bytes: [UInt8]) { self.bytes = bytes }
  var isEmpty: Bool { at >= bytes.count }
  mutating func byte() -> UInt8 {
    defer { at += 1 }
    return at < bytes.count ? bytes[at] : 0
  }
  mutating func uint16() -> UInt16 { UInt16(byte()) << 8 | UInt16(byte()) }
}
