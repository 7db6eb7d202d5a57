import Catalog
import Foundation
import Testing
import TestSupport
@testable import NN

/// Graph descriptions read from a file: connections that cannot be a model are errors naming
/// the layers, before anything is built.
@Suite struct GraphModelFileTests {
  static func input(_ name: String, _ size: Int) -> [String: Any] {
    ["class_name": "InputLayer", "name": name, "inbound_nodes": [Any](), "config": ["name": name, "batch_input_shape": [NSNull(), size]]]
  }

  static func dense(_ name: String, _ units: Int, from refs: [[Any]]...) -> [String: Any] {
    ["class_name": "Dense", "name": name, "config": ["units": units], "inbound_nodes": refs]
  }

  static func spec(_ layers: [[String: Any]], inputs: [String] = ["x"], outputs: [String]) -> [String: Any] {
    ["format": "crescent.graph", "layers": layers, "input_layers": inputs.map { [$0, 0, 0] }, "output_layers": outputs.map { [$0, 0, 0] }]
  }

  static func message(_ spec: [String: Any]) throws -> String {
    do {
      _ = try ModelFile.loadGraph(spec, path: "m.safetensors", in: try nnSession())
      return ""
    } catch let e as CatalogError { return e.message }
  }

  @Test func aWellFormedDescriptionLoads() throws {
    let net = try ModelFile.loadGraph(Self.spec([Self.input("x", 4), Self.dense("a", 3, from: [["x", 0, 0, [:]]]),
                                                 Self.dense("b", 2, from: [["a", 0, 0, [:]]])], outputs: ["b"]),
                                      path: "m.safetensors", in: try nnSession())
    #expect(net.outputShape == [2])
    #expect(net.layers.map(\.name) == ["a", "b"])
  }

  @Test func aCycleIsNamed() throws {
    let m = try Self.message(Self.spec([Self.input("x", 4), Self.dense("a", 4, from: [["b", 0, 0, [:]]]),
                                        Self.dense("b", 4, from: [["a", 0, 0, [:]]])], outputs: ["b"]))
    #expect(m.contains("cycle") && m.contains("a") && m.contains("b"), "\(m)")
  }

  @Test func aNodeUsedBeforeItsInputExists() throws {
    // b takes a's second application, which a does not have.
    let m = try Self.message(Self.spec([Self.input("x", 4), Self.dense("a", 4, from: [["x", 0, 0, [:]]]),
                                        Self.dense("b", 2, from: [["a", 1, 0, [:]]])], outputs: ["b"]))
    #expect(m.contains("'b'") && m.contains("application 1 of 'a'") && m.contains("before its input exists"), "\(m)")
  }

  @Test func anUnknownReferenceIsNamed() throws {
    let m = try Self.message(Self.spec([Self.input("x", 4), Self.dense("b", 2, from: [["ghost", 0, 0, [:]]])], outputs: ["b"]))
    #expect(m.contains("'b' takes 'ghost'"), "\(m)")
  }

  @Test func anOutputNotReachableFromTheInputs() throws {
    let m = try Self.message(Self.spec([Self.input("x", 4), Self.input("other", 3), Self.dense("b", 2, from: [["other", 0, 0, [:]]]),
                                        Self.dense("c", 2, from: [["x", 0, 0, [:]]])],
                                       inputs: ["x"], outputs: ["c", "b"]))
    #expect(m.contains("'b'") && m.contains("not reachable") && m.contains("other"), "\(m)")
  }
}
