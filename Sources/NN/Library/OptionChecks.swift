import Catalog

/// Range checks of optimizer and schedule options, made when the object is built: the error
/// names the option and the range it must lie in (PyTorch's rules: a rate >= 0, decay
/// constants in [0, 1), factors and eps > 0).
enum OptionChecks {
  static func atLeastZero(_ a: Arguments, _ names: String...) throws {
    for n in names where a.has(n) {
      let v = a.double(n)
      guard v >= 0 else { throw CatalogError("option '\(n)' must be >= 0, got \(v)") }
    }
  }

  static func positive(_ a: Arguments, _ names: String...) throws {
    for n in names where a.has(n) {
      let v = a.double(n)
      guard v > 0 else { throw CatalogError("option '\(n)' must be > 0, got \(v)") }
    }
  }

  /// Decay constants: momentum, beta1, beta2.
  static func fraction(_ a: Arguments, _ names: String...) throws {
    for n in names where a.has(n) {
      let v = a.double(n)
      guard v >= 0 && v < 1 else { throw CatalogError("option '\(n)' must be in [0, 1), got \(v)") }
    }
  }
}
