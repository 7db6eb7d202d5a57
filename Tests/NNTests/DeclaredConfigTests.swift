import Catalog
import Foundation
import Testing
import TestSupport
@testable import NN
import Tensors

/// Catalog-wide: what a model file stores for a layer, an optimizer or a loss is written in the
/// names its entry declares, and reading it back through that entry rebuilds the same thing.
/// Each option is given a value other than its default, so an option the object forgets to
/// save (or saves under another name) fails here.
@Suite struct DeclaredConfigTests {
  let session: Session
  init() throws { session = try nnSession() }

  static var builders: [Entry] {
    ((try? nnSession())?.catalog.modules ?? []).flatMap(\.entries).filter { e in
      guard e.kind == .native, case .object(let t)? = e.returns.first?.type else { return false }
      return ["Layer", "Optimizer", "Loss"].contains(t) && e.name != "Custom"
    }
  }

  /// A valid value other than the default, where the type allows one.
  static func changed(_ type: ValueType, _ defaultValue: Value?) -> Value? {
    switch (type, defaultValue) {
    case (.bool, .bool(let b)?): return .bool(!b)
    case (.bool, nil): return .bool(true)
    case (.oneOf(let names), let d): return names.first { Value.string($0).literal != d?.literal }.map(Value.string)
    case (.positiveInteger, _), (.integer, _), (.nonNegativeInteger, _): return .integer(3)
    case (.numberIn(let lo, let hi), _), (.numberInHalfOpen(let lo, let hi), _): return .number(lo + (hi - lo) * 0.375)
    case (.numberAbove(let lo), _), (.numberAtLeast(let lo), _): return .number(lo + 0.375)
    case (.number, _): return .number(0.375)
    case (.list(.number), _): return .list([.number(0.5), .number(2)])
    case (.list(.integer), _): return .list([.integer(2), .integer(-1)])
    default: return nil
    }
  }

  static func object(_ v: Value?) -> AnyObject? {
    guard case .object(let o)? = v else { return nil }
    return o
  }

  static func config(_ o: AnyObject?) -> [String: Any]? {
    switch o {
    case let l as LayerObject: return l.layer.config
    case let opt as Optimizer: return opt.config
    case let loss as LossObject: return loss.loss.config
    default: return nil
    }
  }

  static func json(_ config: [String: Any]) throws -> String {
    String(decoding: try JSONSerialization.data(withJSONObject: config, options: [.sortedKeys]), as: UTF8.self)
  }

  @Test(arguments: builders.map(\.qualifiedName))
  func savedConfigUsesDeclaredNamesAndRebuildsTheSame(_ name: String) throws {
    let entry = try #require(Self.builders.first { $0.qualifiedName == name })
    let positional = entry.parameters.filter { !$0.variadic }.compactMap { Self.changed($0.type, $0.defaultValue) }
    let options = entry.options.filter { $0.name != "name" && $0.name != "input_dim" }.compactMap { p -> (key: String, value: Value)? in Self.changed(p.type, p.defaultValue).map { (p.name, $0) } }
    let built = try entry.call(positional + [.table(options)], in: session)
    let saved = try #require(Self.config(Self.object(built.first)), "\(name) returned no object with a config")
    let declared = Set((entry.parameters + entry.options).map(\.name))
    for key in saved.keys { #expect(declared.contains(key), "\(name) saves '\(key)', which it does not declare") }
    for key in options.map(\.key) + entry.parameters.filter({ !$0.variadic }).map(\.name) where saved[key] == nil {
      Issue.record("\(name) does not save option '\(key)', so a model file loses it")
    }
    let rebuilt = try entry.call(ModelFile.arguments(for: entry, saved), in: session)
    let again = try #require(Self.config(Self.object(rebuilt.first)))
    #expect(try Self.json(saved) == Self.json(again), "\(name): \(saved) came back as \(again)")
  }
}
