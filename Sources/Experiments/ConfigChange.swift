/// Why a config entry differs from what the script declared, shown by `--print-config`.
public enum ConfigChange: Equatable {
  /// Given a new value by a `with key=value` override.
  case changed
  /// Given a new value by the named config.
  case changedBy(String)
  /// Not declared by the script; added by the named config.
  case addedBy(String)
  /// Not declared: drawn at random for this run (the seed).
  case drawn
  /// Given a value of another type than the declared one (the old type named).
  case retyped(from: String)

  /// The marker printed after the value.
  public var marker: String {
    switch self {
    case .changed: return "changed"
    case .changedBy(let name): return "changed by '\(name)'"
    case .addedBy(let name): return "added by '\(name)'"
    case .drawn: return "drawn at random for this run"
    case .retyped(let old): return "changed, new type (was \(old))"
    }
  }
}
