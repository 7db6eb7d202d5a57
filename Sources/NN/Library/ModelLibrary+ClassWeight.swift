import Catalog

extension ModelLibrary {
  /// fit's class_weight as a script gives it: a list of numbers, or a map from label to weight.
  static func classWeights(_ v: Value, labels: Int) throws -> [Float]? {
    switch v {
    case .none: return nil
    case .list(let items): return try ClassWeights.resolve(list: items.map(number), labels: labels)
    case .table(let pairs):
      let map = try pairs.map { key, value -> (label: Int, weight: Double) in
        guard let label = Int(key) else {
          throw CatalogError("option 'class_weight' has the key '\(key)'; expected label positions ({[2] = 5}) or a list of weights")
        }
        return (label, try number(value))
      }
      return try ClassWeights.resolve(map: map, labels: labels)
    default:
      throw CatalogError("option 'class_weight' expects a list of weights or a table from label position to weight, got \(v.summary)")
    }
  }

  private static func number(_ v: Value) throws -> Double {
    switch v {
    case .number(let d): return d
    case .integer(let i): return Double(i)
    default: throw CatalogError("option 'class_weight' expects numbers as weights, got \(v.summary)")
    }
  }
}
