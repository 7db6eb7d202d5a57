/// The rows of a weight matrix a gradient touches: the hook through which a sparse gradient
/// (an embedding's) reaches the optimizer. The weight is viewed as rows of `width` values;
/// `rows` lists each touched row once, in the order the layer first met them. Outside these
/// rows the gradient is zero, and optimizers leave those rows' values and state as they are
/// ("lazy" updates, as PyTorch's SparseAdam).
public struct TouchedRows: Sendable {
  /// Values per row (the embedding's dimension).
  public var width: Int
  /// Each touched row once.
  public var rows: [Int32]
  /// 1 for each row in `rows`, one flag per row of the weight (so a row is listed once, also
  /// when several applications of a shared layer add to the same gradient).
  public var listed: [UInt8]

  public init(width: Int, rows: [Int32] = [], tableRows: Int = 0) {
    self.width = width
    self.rows = rows
    listed = [UInt8](repeating: 0, count: tableRows)
    for r in rows where Int(r) < tableRows { listed[Int(r)] = 1 }
  }
}
