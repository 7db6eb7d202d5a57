/// Fewer points for a long line without changing its picture: per drawing unit of x (a column),
/// the first, lowest, highest and last points, in their order (the M4 reduction). Lines of up
/// to four points per column are kept whole.
public enum Decimation {
  public static func reduce(_ placed: [(x: Double, y: Double)], columns: Int) -> [(x: Double, y: Double)] {
    guard placed.count > 4 * max(columns, 1) else { return placed }
    var out: [(x: Double, y: Double)] = []
    out.reserveCapacity(4 * columns)
    var start = 0
    while start < placed.count {
      let column = placed[start].x.rounded(.down)
      var end = start + 1
      while end < placed.count && placed[end].x.rounded(.down) == column { end += 1 }
      var low = start, high = start
      for i in start..<end {
        if placed[i].y < placed[low].y { low = i }
        if placed[i].y > placed[high].y { high = i }
      }
      var previous = -1
      for i in [start, min(low, high), max(low, high), end - 1] where i != previous {
        out.append(placed[i])
        previous = i
      }
      start = end
    }
    return out
  }
}
