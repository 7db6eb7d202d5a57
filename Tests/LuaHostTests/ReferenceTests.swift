import Testing
@testable import LuaHost
import Catalog
import Foundation
import StandardLibrary

/// The reference comes from declarations: the functions the host writes in Lua are declared,
/// the hooks fit calls are declared with the arguments it passes, and docs/REFERENCE.md is the
/// rendering of the standard catalog.
@Suite(.serialized) struct ReferenceTests {
  static func documented() throws -> Catalog {
    let c = Catalog.standard()
    try PreludeLibrary.register(into: c)
    return c
  }

  /// The functions the prelude and the spec prelude define, named as the catalog names them.
  func definedInLua() throws -> [String] {
    let out = Captured()
    var options = LuaState.Options()
    options.output = { out.text += $0 }
    let state = LuaState(options: options)
    state.installSpecHelpers()
    try state.run("""
      local names = {}
      local function add(prefix, sep, t)
        for k, v in pairs(t) do if type(v) == "function" then names[#names + 1] = prefix .. sep .. k end end
      end
      add("Experiment", ":", getmetatable(experiment "x").__index)
      add("Ingredient", ":", getmetatable(ingredient "i").__index)
      add("assert", ".", assert)
      for _, g in ipairs{"experiment", "ingredient", "describe", "it", "assert"} do
        if _G[g] ~= nil then names[#names + 1] = g end
      end
      table.sort(names)
      print(table.concat(names, "\\n"))
      """, chunkName: "names.lua")
    return out.text.split(separator: "\n").map(String.init)
  }

  @Test func everyFunctionWrittenInLuaIsDeclared() throws {
    let declared = try Self.documented().modules.flatMap(\.entries).filter { $0.kind == .scripted }.map(\.qualifiedName).sorted()
    #expect(try definedInLua() == declared)
    #expect(declared.contains("Experiment:named_config") && declared.contains("assert.errors") && declared.contains("describe"))
  }

  @Test func hooksAreCalledWithTheirDeclaredArguments() throws {
    let hooks = Catalog.standard().methods(of: "CallbackTable")
    #expect(hooks.count >= 5)
    let luaType: (ValueType) -> String = { t in
      switch t {
      case .integer, .positiveInteger, .nonNegativeInteger, .number: return "number"
      case .record: return "table"
      case .object: return "userdata"
      case .bool: return "boolean"
      default: return "?"
      }
    }
    let fields = hooks.map { h in
      "\(h.name) = function(...) seen.\(h.name) = seen.\(h.name) or describe(...) end"
    }.joined(separator: ",\n  ")
    let r = runScript("""
      local seen = {}
      local function describe(...)
        local parts = {}
        for i = 1, select("#", ...) do parts[i] = type((select(i, ...))) end
        return table.concat(parts, " ")
      end
      local m = nn.Sequential{input_dim = 2, nn.Dense(1)}
      m:compile{optimizer = optim.SGD{}, loss = "mse"}
      m:fit(tensor.ones(4, 2), tensor.ones(4, 1), {epochs = 1, batch_size = 2, verbose = 0, callbacks = {{
        \(fields)
      }}})
      for _, name in ipairs{\(hooks.map { "\"\($0.name)\"" }.joined(separator: ", "))} do print(name, seen[name]) end
      """)
    #expect(r.error == nil)
    let expected = hooks.map { h in "\(h.name)\t\(h.parameters.map { luaType($0.type) }.joined(separator: " "))\n" }.joined()
    #expect(r.output == expected)
  }

  @Test func anUndeclaredHookIsRefused() {
    let r = runScript("""
      local m = nn.Sequential{input_dim = 2, nn.Dense(1)}
      m:compile{optimizer = optim.SGD{}, loss = "mse"}
      m:fit(tensor.ones(4, 2), tensor.ones(4, 1), {epochs = 1, verbose = 0, callbacks = {{on_epoch_ends = function() end}}})
      """)
    #expect(r.error?.message.contains("unknown field 'on_epoch_ends' (did you mean 'on_epoch_end'?)") == true)
  }

  @Test func typeFileDeclaresTheLuaWrittenFunctionsAndHooks() throws {
    let file = TypeFileRenderer(catalog: try Self.documented()).render()
    #expect(file.contains("---@class experimentlib\n---@overload fun(spec: string|table): Experiment\nexperiment = {}\n"))
    #expect(file.contains("function ingredient(name) end"))
    #expect(file.contains("function Experiment:main(fn) end"))
    #expect(file.contains("function describe(name, fn) end"))
    #expect(file.contains("function assert.near(actual, expected, tol, message) end"))
    #expect(file.contains("---@field on_epoch_end? fun(epoch: integer, logs: table, model: Model): boolean? "))
    #expect(!file.contains("function CallbackTable:"))
  }

  @Test func textReferenceShowsHooksAndTheRunObject() throws {
    let r = ReferenceRenderer(catalog: try Self.documented())
    #expect(try r.render("CallbackTable").contains("on_epoch_end = function(epoch, logs, model)"))
    #expect(try r.render("experiment").contains("Experiment:named_config(name, settings)"))
    #expect(try r.render("Run").contains("Run:log_curve(name, curve)"))
    #expect(try r.render("assert.errors").contains("pattern (string), optional"))
    #expect(try r.render("Model:parameters").contains("share storage with the model"))
  }

  @Test func modelParametersAreTheLiveTensors() {
    let r = runScript("""
      local m = nn.Sequential{input_dim = 2, nn.Dense(1, {kernel_initializer = "ones"})}
      m:compile{optimizer = optim.SGD{lr = 0.5}, loss = "mse"}
      local p = m:parameters()
      local before = p[1]:get(1, 1)
      m:train_on_batch(tensor.ones(2, 2), tensor.zeros(2, 1))
      print(before, p[1]:get(1, 1) == m:get_weights()[1]:get(1, 1), p[1]:get(1, 1) ~= before)
      """)
    #expect(r.error == nil)
    #expect(r.output == "1.0\ttrue\ttrue\n")
  }

  @Test func referenceDocumentIsCurrent() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/REFERENCE.md").standardized
    let file = try String(contentsOf: url, encoding: .utf8)
    let rendered = MarkdownRenderer(catalog: try Self.documented()).render()
    let a = file.split(separator: "\n", omittingEmptySubsequences: false), b = rendered.split(separator: "\n", omittingEmptySubsequences: false)
    let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }
    #expect(file == rendered, """
      docs/REFERENCE.md is not current: regenerate it with `crescent doc --markdown > docs/REFERENCE.md`
      (first difference at line \(first.map { "\($0.offset + 1): \"\($0.element.0)\" vs \"\($0.element.1)\"" } ?? "\(min(a.count, b.count) + 1)"))
      """)
  }
}

/// The reference's wording: no empty headers, the right article.
@Suite struct ReferenceWordingTests {
  @Test func aTypeWithoutMethodsHasNoMethodsHeader() throws {
    let text = try ReferenceRenderer(catalog: Catalog.standard()).render("Regularizer")
    #expect(!text.contains("Methods:"), "\(text)")
  }

  @Test func typeNamesTakeTheirArticle() throws {
    #expect(ValueType.object("Optimizer").description == "an Optimizer")
    #expect(ValueType.object("Model").description == "a Model")
    let text = try ReferenceRenderer(catalog: Catalog.standard()).render("Model:compile")
    #expect(!text.contains("a Optimizer"), "\(text)")
  }
}
