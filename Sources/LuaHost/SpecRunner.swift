import Catalog
import StandardLibrary
import Foundation

/// Runs `*_spec.lua` files, each in a fresh state and session of its own (random streams from
/// `seed`, whatever ran before) with `describe`, `it` and `assert.*`.
public struct SpecRunner {
  public struct Failure {
    public let file: String
    public let name: String
    public let message: String
  }

  public var catalog: Catalog
  public var options: LuaState.Options
  /// The root seed of each file's random streams (nil: a fresh random root per file).
  public var seed: UInt64?
  public private(set) var passed = 0
  public private(set) var failures: [Failure] = []

  public init(catalog: Catalog = .standard(), options: LuaState.Options, seed: UInt64? = nil) {
    self.catalog = catalog
    self.options = options
    self.seed = seed
  }

  /// The spec files under `paths` (files as given, folders searched recursively), sorted.
  public static func files(in paths: [String]) throws -> [String] {
    var found: [String] = []
    for p in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: p, isDirectory: &isDirectory) else {
        throw CatalogError("no such file or folder: '\(p)'")
      }
      if !isDirectory.boolValue { found.append(p); continue }
      let items = FileManager.default.enumerator(atPath: p)?.compactMap { $0 as? String } ?? []
      found += items.filter { $0.hasSuffix("_spec.lua") }.sorted().map { (p as NSString).appendingPathComponent($0) }
    }
    return found
  }

  /// Runs one file; its failures are kept, its output goes to `options.output`.
  public mutating func run(file: String) {
    let session = Session(catalog: catalog, seed: seed, output: OutputSink(write: options.output))
    let state = LuaState(session: session, options: options)
    state.installSpecHelpers()
    do {
      try state.runFile(file)
    } catch let e as ScriptError {
      failures.append(Failure(file: file, name: "(loading the file)", message: e.description))
    } catch {
      failures.append(Failure(file: file, name: "(loading the file)", message: "\(error)"))
    }
    guard let results = try? state.specResults() else { return }
    if case .integer(let n)? = results["passed"] { passed += n }
    if case .list(let items)? = results["failures"] {
      for item in items {
        guard case .string(let name)? = item["name"], case .string(let message)? = item["message"] else { continue }
        failures.append(Failure(file: file, name: name, message: message))
      }
    }
  }

  /// The failures, each with its file:line message, then `N passed, N failed` alone on a line.
  public var report: String {
    var lines: [String] = []
    for f in failures {
      lines.append("FAIL \(f.file): \(f.name)")
      lines += f.message.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
    }
    lines.append("\(passed) passed, \(failures.count) failed")
    return lines.joined(separator: "\n") + "\n"
  }
}
