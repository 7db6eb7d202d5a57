import Tensors

/// Single-label classes as the single-label metrics read them. A class index counts from 1,
/// as Lua positions and `argmax` do: class k is column k of a one-hot or score matrix.
public enum ClassIndices {
  /// Class indices from a column of numbers (rows x 1), each an integer >= 1.
  public static func indices(_ column: Scores, name: String) throws -> [Int] {
    precondition(column.labels == 1)  // cannot fail: the only caller passes a single column
    return try column.values.enumerated().map { i, v in
      guard v == v.rounded(), v >= 1, v < 1e15 else {
        throw TensorError("\(name): row \(i + 1) holds \(fmt(v)), not a class index (an integer counted from 1)")
      }
      return Int(v)
    }
  }

  /// The class of each row of a one-hot matrix: exactly one 1, the rest 0.
  public static func oneHot(_ m: Scores, name: String) throws -> [Int] {
    try (0..<m.rows).map { i in
      var found: Int?
      for j in 0..<m.labels {
        let v = m[i, j]
        if v == 1 && found == nil { found = j + 1; continue }
        if v != 0 {
          if v == 1 {
            throw TensorError("\(name): row \(i + 1) is not one-hot (two 1s): single-label metrics take one class per row; for multilabel rows use binary_accuracy (per cell) or subset_accuracy (per row)")
          }
          throw TensorError("\(name): row \(i + 1) is not one-hot (it holds \(fmt(v))); give one 1 per row, or class indices")
        }
      }
      guard let c = found else { throw TensorError("\(name): row \(i + 1) is not one-hot (no 1); give one 1 per row, or class indices") }
      return c
    }
  }

  /// The column of each row's largest score (the first of equal ones, as NumPy's argmax).
  public static func argmax(_ m: Scores, name: String) throws -> [Int] {
    try m.checkNoNaN(name: name)
    return (0..<m.rows).map { i in
      var best = 0
      for j in 1..<m.labels where m[i, j] > m[i, best] { best = j }
      return best + 1
    }
  }

  static func fmt(_ v: Double) -> String {
    v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
  }
}
