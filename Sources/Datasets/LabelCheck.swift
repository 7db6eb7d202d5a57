import Tensors

/// The labels a dataset may hold, as the splits, `split_report` and `save_libsvm` assume:
/// an n x L matrix of 0/1 columns, or one column of class indices 1, 2, ... (soft or other
/// values are refused, naming the first bad entry).
public enum LabelCheck {
  public static func validate(_ y: Tensor, _ what: String = "y") throws {
    let columns = y.rank == 2 ? y.shape[1] : 1
    let values = y.scalars
    let isBinary = values.allSatisfy { $0 == 0 || $0 == 1 }
    if isBinary { return }
    let rule = "labels are 0 or 1 in each column, or class indices 1, 2, ... in a single column"
    func place(_ i: Int) -> String { "row \(i / columns + 1), column \(i % columns + 1)" }
    if columns != 1, let i = values.firstIndex(where: { !($0 == 0 || $0 == 1) }) {
      throw DataError("'\(what)' at \(place(i)) is \(show(values[i])); \(rule)")
    }
    if let i = values.firstIndex(where: { !($0 >= 1 && $0.rounded() == $0 && $0.isFinite) }) {
      let why = values[i] == 0 ? " (class indices start at 1)" : ""
      throw DataError("'\(what)' at \(place(i)) is \(show(values[i]))\(why); \(rule)")
    }
  }

  static func show(_ v: Float) -> String {
    if v.isNaN { return "nan" }
    if v.rounded() == v && abs(v) < 1e9 { return String(Int(v)) }
    return String(v)
  }
}
