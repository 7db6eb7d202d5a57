import Catalog
import Experiments
import Foundation
import StandardLibrary
import Tensors
import Testing

/// Catalog-wide: every entry of the standard catalog, called with sample arguments built from
/// its declaration, returns or throws a `CatalogError`; none crashes the process. Objects the
/// entries take are built by calling the catalog's own constructors first.
@Suite(.serialized) struct CatalogCallTests {
  /// Entries a generic call cannot reach, with why.
  static let notCallable: [String: String] = [:]

  /// A folder for whatever the calls write (string arguments are paths inside it).
  static let folder: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("crescent-catalog-calls-\(UInt32.random(in: 0...UInt32.max))")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }()

  let catalog = Catalog.standard()
  var session: Session { Session(catalog: catalog) }

  /// Labels and scores alike: 0/1 cells, both classes in every column.
  static func sampleTensor() -> Tensor {
    Tensor(shape: [6, 3], scalars: [1, 0, 1, 0, 1, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 1])
  }

  /// A small valid value of `type`, or nil when none can be made (an object not built yet).
  func sample(_ p: Parameter, _ objects: [String: Value]) -> Value? {
    // Files go to the test's folder; other strings (an artifact's or a layer's name) are plain names.
    if case .string = p.type, !["path", "file", "dir", "folder", "prefix"].contains(where: p.name.contains) {
      return .string("sample.txt")
    }
    return sample(p.type, objects)
  }

  func sample(_ type: ValueType, _ objects: [String: Value]) -> Value? {
    switch type {
    case .any: return .integer(1)
    case .bool: return .bool(true)
    case .integer, .nonNegativeInteger: return .integer(1)
    case .positiveInteger: return .integer(3)  // the sample tensor's width: a Dense of 3 units fits it
    case .number: return .number(0.5)
    case .numberAtLeast(let lo), .numberAbove(let lo): return .number(lo + 0.5)
    case .numberIn(let lo, let hi), .numberInHalfOpen(let lo, let hi):
      if lo.isFinite && hi.isFinite { return .number((lo + hi) / 2) }
      return .number(lo.isFinite ? lo + 0.5 : hi.isFinite ? hi - 0.5 : 0.5)
    case .string: return .string(Self.folder.appendingPathComponent("sample.txt").path)
    case .oneOf(let names): return names.first.map(Value.string)
    case .tensor, .tensorLike, .tensorOrNumber: return .tensor(Self.sampleTensor())
    case .list(let element): return sample(element, objects).map { .list([$0]) }
    case .record: return .table([])
    case .function: return .function(HostFunction { _ in [] })
    case .object(let name): return objects[name]
    case .either(let a, let b): return sample(a, objects) ?? sample(b, objects)
    }
  }

  /// The positional arguments (required ones only, or every one) and, with `options`, a table
  /// with every declared option.
  func arguments(_ e: Entry, all: Bool, _ objects: [String: Value]) -> [Value]? {
    var args: [Value] = []
    for p in e.parameters where all || p.isRequired {
      guard let v = sample(p, objects) else { return nil }
      args.append(v)
    }
    if all && !e.options.isEmpty {
      var fields: [(key: String, value: Value)] = []
      for o in e.options {
        if let v = sample(o, objects) { fields.append((o.name, v)) }
      }
      args.append(.table(fields))
    }
    return args
  }

  /// Calls `e`; a result or a CatalogError passes, anything else is recorded.
  func expectReturnsOrThrowsCatalogError(_ e: Entry, _ args: [Value]) -> [Value]? {
    do {
      return try e.call(args, in: session)
    } catch is CatalogError {
      return nil
    } catch {
      Issue.record("\(e.qualifiedName)(\(args.map(\.literal).joined(separator: ", "))) threw \(type(of: error)): \(error)")
      return nil
    }
  }

  /// Sample objects of each type, from the catalog's constructors (repeated while new types
  /// appear, so a Model built from a Layer comes after the Layer), and a run.
  func sampleObjects() -> [String: Value] {
    let run = Run(experiment: "sample", seed: 1, config: .table([]), runsDirectory: Self.folder)
    var objects: [String: Value] = ["Run": .object(run), "Tensor": .tensor(Self.sampleTensor())]
    var grew = true
    while grew {
      grew = false
      for e in catalog.modules.flatMap(\.entries) where e.kind == .native && e.methodOf == nil {
        guard e.returns.contains(where: { if case .object(let n) = $0.type { return objects[n] == nil }; return false }),
              let args = arguments(e, all: false, objects), let results = try? e.call(args, in: session) else { continue }
        for case .object(let o) in results where objects[type(of: o).typeName] == nil {
          objects[type(of: o).typeName] = .object(o)
          grew = true
        }
      }
    }
    return objects
  }

  @Test func everyEntryReturnsOrThrowsACatalogError() throws {
    defer { try? FileManager.default.removeItem(at: Self.folder) }
    var objects = sampleObjects()
    for type in catalog.objectTypes where !type.scripted && !["Experiment", "Ingredient"].contains(type.name) {
      #expect(objects[type.name] != nil, "no sample \(type.name) could be built")
    }
    var uncalled: [String] = [], returned = 0, native = 0
    for e in catalog.modules.flatMap(\.entries) where e.kind == .native {
      if Self.notCallable[e.qualifiedName] != nil { continue }
      var called = false, answered = false
      native += 1
      for all in [false, true] {
        guard let args = arguments(e, all: all, objects) else { continue }
        called = true
        if let results = expectReturnsOrThrowsCatalogError(e, args) {
          answered = true
          // Keep the first object of each type a call returns (a fitted scaler, a trained model).
          for case .object(let o) in results where objects[type(of: o).typeName] == nil { objects[type(of: o).typeName] = .object(o) }
        }
      }
      if !called { uncalled.append(e.qualifiedName) }
      if answered { returned += 1 }
    }
    // The samples are valid often enough for most calls to get through to the core.
    #expect(returned * 10 >= native * 7, "only \(returned) of \(native) entries returned a result for some sample call")
    #expect(uncalled.isEmpty, "entries with no sample arguments (list them in notCallable with a reason): \(uncalled)")
    for name in Self.notCallable.keys { #expect(catalog.entry(name) != nil, "notCallable lists \(name), which the catalog lacks") }
  }
}
