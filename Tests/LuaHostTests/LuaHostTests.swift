import Testing
@testable import LuaHost
import Catalog
import StandardLibrary
import Tensors

/// Scripts run in-process with their output captured.
final class Captured {
  var text = ""
}

func runScript(_ source: String, trusted: Bool = false, timeout: Double? = nil,
               catalog: Catalog = .standard()) -> (output: String, error: ScriptError?) {
  let out = Captured()
  var options = LuaState.Options()
  options.trusted = trusted
  options.timeout = timeout
  options.output = { out.text += $0 }
  let state = LuaState(catalog: catalog, options: options)
  do { try state.run(source, chunkName: "test.lua") } catch let e as ScriptError { return (out.text, e) } catch {
    return (out.text, ScriptError(kind: .runtime, message: "\(error)", traceback: nil))
  }
  return (out.text, nil)
}

/// A small object type to exercise methods and fields of catalog objects.
final class Point: CatalogObject {
  static let typeName = "Point"
  static let properties = [Property("x", .number, "the coordinate")]
  let x: Double
  init(x: Double) { self.x = x }
  func property(_ name: String) -> Value? { name == "x" ? .number(x) : nil }
}

@Suite(.serialized) struct LuaHostTests {
  @Test func objectsHaveMethodsAndFields() throws {
    let catalog = Catalog.withTensors()
    catalog.registerType(Point.self, summary: "A point on a line.")
    try catalog.register(module: "geo", summary: "Points.", entries: [
      Entry(module: "geo", name: "point", summary: "A point.", returns: [Returned(.object("Point"), "the point")]) { d in
        let x = d.parameter("x", Double.self, "where")
        return { a in [.object(Point(x: try a[x]))] }
      },
      Entry(module: "geo", name: "norm", summary: "Its distance from 0.", returns: [Returned(.number, "the distance")],
            methodOf: "Point") { d in
        let p = d.object("p", Point.self, "a point")
        return { a in [.number(abs(try a[p].x))] }
      },
    ])
    let r = runScript("""
      local p = geo.point(-3)
      print(p.x, p:norm(), select(2, pcall(function() return geo.norm end)))
      print(pcall(function() return p.xx end))
      print(pcall(p.norm, tensor.zeros(1)))
      """, catalog: catalog)
    #expect(r.error == nil)
    #expect(r.output == """
      -3.0\t3.0\ttest.lua:2: geo.norm is not defined; `crescent doc geo` lists what geo has
      false\ttest.lua:3: Point has no field 'xx' (did you mean 'x'?)
      false\tPoint:norm: argument 1 ('p') expects a Point, got a 1 tensor

      """)
    let types = TypeFileRenderer(catalog: catalog).render()
    #expect(types.contains("---@field x number the coordinate"))
    #expect(types.contains("function Point:norm() end"))
  }

  @Test func tensorsComputeFromLua() {
    let r = runScript("""
      local a = tensor.from{{1, 2}, {3, 4}}
      print(a:matmul(a):to_table()[2][1], (a + 1):sum(), a:shape())
      print((a - a:mean(2, {keepdims = true})):sum(2):to_table()[1])
      print(a:ge(2.5):sum(), #a:to_table(), a:row(2):get(1))
      """)
    #expect(r.error == nil)
    #expect(r.output == "15.0\t14.0\t2\t2\n0.0\n2.0\t2\t3.0\n")
  }

  @Test func swiftErrorsAreCatchableAndLeaveTheStateUsable() {
    let r = runScript("""
      local ok, err = pcall(function() return tensor.zeros(128, 768):matmul(tensor.zeros(512, 10)) end)
      print(ok, err)
      ok, err = pcall(function() return tensor.zeros("x") end)
      print(ok, err)
      print(tensor.ones(2):sum())
      """)
    #expect(r.error == nil)
    #expect(r.output == """
      false\ttest.lua:1: tensor.matmul: shapes 128x768 and 512x10 do not line up
      false\ttest.lua:3: tensor.zeros: argument 1 ('dims') expects a positive integer, got a string "x"
      2.0

      """)
  }

  @Test func scriptErrorsCarryFileLineAndTraceback() {
    let r = runScript("local x = 1\nlocal function f() error('boom') end\nf()\n")
    #expect(r.error?.kind == .runtime)
    #expect(r.error?.message == "test.lua:2: boom")
    #expect(r.error?.traceback?.contains("test.lua:3") == true)
    let s = runScript("local x = = 1")
    #expect(s.error?.kind == .syntax)
    #expect(s.error?.message.hasPrefix("test.lua:1:") == true)
  }

  @Test func sandboxHidesDangerousLibraries() {
    let r = runScript("print(io, os.execute, os.remove, os.getenv, debug, dofile, loadfile, package, require ~= nil, os.clock ~= nil)")
    #expect(r.output == "nil\tnil\tnil\tnil\tnil\tnil\tnil\tnil\ttrue\ttrue\n")
    let t = runScript("print(io ~= nil, debug ~= nil, os.execute ~= nil)", trusted: true)
    #expect(t.output == "true\ttrue\ttrue\n")
  }

  @Test func bytecodeIsRefused() {
    let r = runScript("""
      local f = load(string.dump(function() return 1 end))
      print(f)
      print(load("return 2")())
      """)
    #expect(r.error == nil)
    #expect(r.output == "nil\n2\n")
  }

  @Test func timeoutStopsRunawayLoopsEvenInsidePcall() {
    let r = runScript("while true do pcall(function() while true do end end) end", timeout: 0.3)
    #expect(r.error?.kind == .timeout)
    let c = runScript("local co = coroutine.wrap(function() while true do end end); co()", timeout: 0.3)
    #expect(c.error?.kind == .timeout)
  }

  @Test func tensorsAreFreedWhenLuaCollectsThem() throws {
    let state = LuaState()
    try state.run("t = tensor.zeros(1000, 10)")
    weak var storage: TensorStorage?
    do {
      guard case .tensor(let t) = try state.global("t") else { Issue.record("not a tensor"); return }
      storage = t.storage
    }
    #expect(storage != nil)
    try state.run("t = nil; collectgarbage()")
    #expect(storage == nil)
  }

  @Test func bigTemporariesDoNotPileUp() throws {
    // 400 temporaries of 4 MB each: without telling the collector about native bytes this
    // would hold 1.6 GB; the bridge collects as native allocations grow.
    let state = LuaState()
    let before = TensorStorage.liveBytes
    try state.run("for i = 1, 400 do local t = tensor.zeros(1000, 1000) end")
    #expect(TensorStorage.liveBytes - before < 400 << 20)
  }

  @Test func failingCallsLeakNothing() throws {
    // 200 failing products, each with a 400 KB argument: a leak on the error path would
    // keep 80 MB alive.
    let state = LuaState()
    try state.run("big = tensor.zeros(100, 100); collectgarbage()")
    let before = TensorStorage.liveBytes
    try state.run("""
      for i = 1, 200 do
        local ok = pcall(function() return big:matmul(tensor.zeros(1000, 100)) end)
        assert(not ok)
      end
      collectgarbage()
      """)
    #expect(TensorStorage.liveBytes - before < 40 << 20)
  }

  @Test func typeFileAgreesWithTheCatalog() {
    let catalog = Catalog.standard()
    let file = TypeFileRenderer(catalog: catalog).render()
    for m in catalog.modules {
      for e in m.entries {
        if e.kind == .hook { #expect(file.contains("---@field \(e.name)? fun("), "\(e.qualifiedName) missing"); continue }
        if !e.isMethodOnly { #expect(file.contains("function \(m.name).\(e.name)("), "\(e.qualifiedName) missing from the type file") }
        if let t = e.methodOf { #expect(file.contains("function \(t):\(e.name)("), "\(t):\(e.name) missing") }
      }
    }
    let declared = file.split(separator: "\n").filter { $0.hasPrefix("function ") }.count
    let expected = catalog.modules.flatMap(\.entries).reduce(0) { $0 + ($1.kind == .hook ? 0 : $1.methodOf == nil || $1.isMethodOnly ? 1 : 2) }
    #expect(declared == expected)
  }

  @Test func everyEntryIsCallableFromLua() throws {
    let state = LuaState()
    for m in state.catalog.modules {
      for e in m.entries {
        if !e.isMethodOnly { try state.run("assert(type(\(m.name).\(e.name)) == 'function', '\(e.qualifiedName)')") }
        if e.methodOf == "Tensor" { try state.run("assert(tensor.zeros(1).\(e.name) ~= nil, '\(e.name)')") }
      }
    }
  }

  @Test func referenceListsEveryEntry() throws {
    let r = ReferenceRenderer(catalog: .standard())
    let text = try r.render("tensor")
    for e in Catalog.standard().module("tensor")!.entries { #expect(text.contains("tensor.\(e.name)(")) }
    #expect(try r.render("tensor.randn").contains("seed (integer), optional"))
    #expect(throws: CatalogError.self) { try r.render("tensor.rnadn") }
  }
}
