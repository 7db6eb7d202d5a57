import Testing
@testable import LuaHost
import Catalog
import StandardLibrary

/// Every capitalised constructor of every module, called from Lua as the README writes them:
/// with its required arguments and then an options table.
@Suite(.serialized) struct ConstructorTests {
  /// A Lua expression of the type, for a required argument or option.
  func sample(_ type: ValueType) -> String? {
    switch type {
    case .integer, .positiveInteger, .nonNegativeInteger: return "2"
    case .number: return "0.5"
    case .numberIn(let lo, let hi), .numberInHalfOpen(let lo, let hi): return "\((lo + hi) / 2)"
    case .numberAtLeast(let lo), .numberAbove(let lo): return "\(lo + 0.5)"
    case .string: return "\"sample\""
    case .oneOf(let names): return names.first.map { "\"\($0)\"" }
    case .bool: return "false"
    case .function: return "function(self, x) return x end"
    case .tensor, .tensorLike, .tensorOrNumber: return "tensor.ones(2, 2)"
    case .list(let element): return sample(element).map { "{\($0)}" }
    case .record, .any: return "{}"
    case .either(let a, let b): return sample(a) ?? sample(b)
    case .object("Node"): return "nn.Input(2)"
    case .object: return nil
    }
  }

  var constructors: [Entry] {
    Catalog.standard().modules.flatMap(\.entries).filter { $0.isModuleField && $0.name.first!.isUppercase }
  }

  @Test func everyConstructorAcceptsAnOptionsTable() throws {
    #expect(constructors.count >= 25)
    for e in constructors {
      let positional = try e.parameters.filter(\.isRequired).map { p in try #require(sample(p.type), "\(e.qualifiedName): \(p.name)") }
      let required = e.options.filter(\.isRequired)
      let call = "\(e.qualifiedName)(\((positional + ["{}"]).joined(separator: ", ")))"
      let empty = runScript("local x = \(call); assert(x ~= nil)")
      if required.isEmpty {
        #expect(empty.error == nil, "\(call): \(empty.error?.message ?? "")")
      } else {
        // Only a missing required option may fail it, and it says which.
        #expect(empty.error?.message.contains("option '\(required[0].name)' is required") == true, "\(call): \(empty.error?.message ?? "no error")")
      }
      // A graph model's inputs and outputs must be connected nodes: graph_model_spec.lua builds them.
      if e.qualifiedName == "nn.Model" { continue }
      let given = try required.map { p in "\(p.name) = \(try #require(sample(p.type), "\(e.qualifiedName): \(p.name)"))" }
      let full = "\(e.qualifiedName)(\((positional + ["{\(given.joined(separator: ", "))}"]).joined(separator: ", ")))"
      let r = runScript("local x = \(full); assert(x ~= nil)")
      #expect(r.error == nil, "\(full): \(r.error?.message ?? "")")
    }
  }

  @Test func theReadmeSpellingsWork() {
    let r = runScript("""
      print(callbacks.TerminateOnNaN{} ~= nil, losses.MeanSquaredError{} ~= nil, data.StandardScaler{} ~= nil)
      print(pcall(function() return losses.MeanSquaredError{reduction = "sum"} end))
      """)
    #expect(r.error == nil)
    #expect(r.output == """
      true\ttrue\ttrue
      false\ttest.lua:2: losses.MeanSquaredError: unknown option 'reduction': MeanSquaredError takes no options

      """)
  }
}
