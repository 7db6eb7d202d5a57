/// fit's `class_weight`, in either form a script may write it: a full list with one weight
/// per label (`{1, 5, 1}`), or Keras's map from label to weight with Lua's positions, so label
/// j is column j of y counted from 1 (`{[2] = 5}`; labels not named weigh 1).
public enum ClassWeights {
  public static func resolve(list: [Double], labels: Int) throws -> [Float] {
    guard list.count == labels else {
      if labels == 1 { throw oneColumn("a list of \(list.count) weights") }
      throw LayerError("class_weight has \(list.count) value\(list.count == 1 ? "" : "s") for \(labels) labels: give one weight per label, or name some labels as {[3] = 5} (labels not named weigh 1); a table with keys 1..\(list.count) only is a list in Lua")
    }
    return try list.enumerated().map { try checked($1, label: $0 + 1) }
  }

  public static func resolve(map: [(label: Int, weight: Double)], labels: Int) throws -> [Float] {
    var weights = [Float](repeating: 1, count: labels)
    for (label, w) in map {
      guard label >= 1 && label <= labels else {
        if labels == 1 { throw oneColumn("label \(label)") }
        throw LayerError("class_weight names label \(label), but labels are the columns of y counted from 1 (1..\(labels))"
                         + (label == 0 ? "; Keras's label 0 is [1] here" : ""))
      }
      weights[label - 1] = try checked(w, label: label)
    }
    return weights
  }

  /// A one-column model has one label: its weight scales every sample. Keras's {0: a, 1: b}
  /// for a sigmoid output means weighting positives against negatives, which pos_weight does.
  static func oneColumn(_ what: String) -> LayerError {
    LayerError("class_weight names \(what), but the model has one output column, so one label ([1], whose weight scales every sample); to weight positives against negatives, use losses.BinaryCrossentropy{pos_weight = {w}}, as Keras's class_weight {0: 1, 1: w} does")
  }

  static func checked(_ w: Double, label: Int) throws -> Float {
    guard w.isFinite, w >= 0 else { throw LayerError("class_weight of label \(label) is \(w); weights must be finite and >= 0") }
    return Float(w)
  }
}
