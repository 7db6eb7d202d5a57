import Catalog
import Tensors

/// Initializers as scripts write them: a name, or a table with a name and parameters
/// (`{ name = "truncated_normal", stddev = 0.02 }`).
extension Initializer: ScriptType {
  public static var valueType: ValueType { .either(.oneOf(Kind.allCases.map(\.rawValue)), .record) }
  public init?(scriptValue v: Value) {
    guard let i = try? Initializer.parse(v, "initializer") else { return nil }
    self = i
  }
  public var scriptValue: Value {
    guard case let c as [String: Any] = configValue else { return .string(rawValue) }
    return .table(c.keys.sorted().map { k in (k, (c[k] as? Double).map(Value.number) ?? .string("\(c[k]!)")) })  // cannot fail: k is a key of c
  }

  /// Declares an initializer option (`kernel_initializer`) taking a name or a table; read it with
  /// ``parse(_:_:)`` for errors that name the option.
  static func option(_ d: Declarer, _ name: String, _ doc: String, default value: Initializer) -> Arg<Value> {
    d.option(name, Value.self, doc + ": a name, or {name =, ...} with parameters (stddev, mean, minval, maxval, value, scale, mode, distribution, gain)",
             as: valueType, default: value.scriptValue)
  }

  /// The initializer a script's value names, with errors naming `option`.
  static func parse(_ v: Value, _ option: String) throws -> Initializer {
    let names = Kind.allCases.map(\.rawValue)
    if case .string(let s) = v {
      guard let k = Kind(rawValue: s) else { throw CatalogError("option '\(option)' expects one of \(names.joined(separator: ", ")), got \"\(s)\"") }
      return Initializer(k)
    }
    guard case .table(let fields) = v else { throw CatalogError("option '\(option)' expects an initializer name or {name =, ...}, got \(v.summary)") }
    guard case .string(let s)? = v["name"] else { throw CatalogError("option '\(option)' needs a field 'name' (one of \(names.joined(separator: ", ")))") }
    guard let kind = Kind(rawValue: s) else { throw CatalogError("option '\(option)': name expects one of \(names.joined(separator: ", ")), got \"\(s)\"") }
    let numeric = Set(defaults(kind).keys)
    var numbers: [String: Double] = [:]
    var mode: Mode?, distribution: Distribution?
    for (k, value) in fields where k != "name" {
      if numeric.contains(k) {
        guard let x = Double(scriptValue: value), x.isFinite else { throw CatalogError("option '\(option)': field '\(k)' expects a number, got \(value.summary)") }
        numbers[k] = x
      } else if kind == .variance_scaling && k == "mode" {
        guard case .string(let m) = value, let parsed = Mode(rawValue: m) else {
          throw CatalogError("option '\(option)': mode expects one of \(Mode.allCases.map(\.rawValue).joined(separator: ", ")), got \(value.summary)")
        }
        mode = parsed
      } else if kind == .variance_scaling && k == "distribution" {
        guard case .string(let m) = value, let parsed = Distribution(rawValue: m) else {
          throw CatalogError("option '\(option)': distribution expects one of \(Distribution.allCases.map(\.rawValue).joined(separator: ", ")), got \(value.summary)")
        }
        distribution = parsed
      } else {
        var known = numeric.sorted()
        if kind == .variance_scaling { known += ["mode", "distribution"] }
        let takes = known.isEmpty ? "takes no parameters" : "takes \(known.joined(separator: ", "))"
        let seed = k == "seed" ? " (initial weights draw from the model's seeded random stream)" : ""
        throw CatalogError("option '\(option)': \(s) \(takes), got '\(k)'\(seed)")
      }
    }
    let i = Initializer(kind, numbers, mode: mode, distribution: distribution)
    if let sd = numbers["stddev"], sd < 0 { throw CatalogError("option '\(option)': stddev must be >= 0, got \(sd)") }
    if i.number("minval") > i.number("maxval") { throw CatalogError("option '\(option)': minval \(i.number("minval")) is above maxval \(i.number("maxval"))") }
    if kind == .variance_scaling, i.number("scale") <= 0 { throw CatalogError("option '\(option)': scale must be > 0, got \(i.number("scale"))") }
    return i
  }
}
