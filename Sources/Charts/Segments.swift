/// Splits a sequence into runs of consecutive placeable elements: a gap wherever an element
/// cannot be placed (NaN, an infinity, a non-positive value on a log axis).
public enum Segments {
  public static func split<T>(_ items: [T], placeable: (T) -> Bool) -> [[T]] {
    var segments: [[T]] = []
    var current: [T] = []
    for item in items {
      if placeable(item) {
        current.append(item)
      } else if !current.isEmpty {
        segments.append(current)
        current = []
      }
    }
    if !current.isEmpty { segments.append(current) }
    return segments
  }
}
