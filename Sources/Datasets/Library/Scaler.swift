import Catalog
import Tensors

/// A fitted column scaler as scripts hold it: standard (mean / std) or min-max.
public final class Scaler: CatalogObject {
  public enum Kind { case standard(StandardScaler), minMax(MinMaxScaler) }
  public let kind: Kind
  public init(_ kind: Kind) { self.kind = kind }

  public static var typeName: String { "Scaler" }

  public static var properties: [Property] {
    [
      Property("kind", .string, "\"standard\" or \"min_max\""),
      Property("fitted", .bool, "true once fit has been called"),
      Property("mean", .tensor, "column means (standard scalers; nil before fit)"),
      Property("scale", .tensor, "column standard deviations, 1 for constant columns (standard scalers)"),
      Property("data_min", .tensor, "column minima (min-max scalers)"),
      Property("data_max", .tensor, "column maxima (min-max scalers)"),
      Property("feature_range", .list(.number), "{low, high} (min-max scalers)"),
    ]
  }

  public func property(_ name: String) -> Value? {
    func row(_ v: [Float]) -> Value { v.isEmpty ? .none : .tensor(Tensor(shape: [v.count], scalars: v)) }
    switch (name, kind) {
    case ("kind", .standard): return .string("standard")
    case ("kind", .minMax): return .string("min_max")
    case ("fitted", .standard(let s)): return .bool(s.isFitted)
    case ("fitted", .minMax(let s)): return .bool(s.isFitted)
    case ("mean", .standard(let s)): return row(s.mean)
    case ("scale", .standard(let s)): return row(s.scale)
    case ("data_min", .minMax(let s)): return row(s.minimum)
    case ("data_max", .minMax(let s)): return row(s.maximum)
    case ("feature_range", .minMax(let s)): return .list([.number(Double(s.low)), .number(Double(s.high))])
    case ("mean", _), ("scale", _), ("data_min", _), ("data_max", _), ("feature_range", _): return Value.none
    default: return nil
    }
  }

  func fit(_ x: Tensor) throws {
    switch kind {
    case .standard(let s): try s.fit(x)
    case .minMax(let s): try s.fit(x)
    }
  }

  func transform(_ x: Tensor) throws -> Tensor {
    switch kind {
    case .standard(let s): return try s.transform(x)
    case .minMax(let s): return try s.transform(x)
    }
  }

  func inverseTransform(_ x: Tensor) throws -> Tensor {
    switch kind {
    case .standard(let s): return try s.inverseTransform(x)
    case .minMax(let s): return try s.inverseTransform(x)
    }
  }
}
