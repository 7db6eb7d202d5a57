extension String {
  /// How often `part` occurs (not overlapping).
  func occurrences(of part: String) -> Int { components(separatedBy: part).count - 1 }

  /// The value of the first `name="..."` attribute after `after`.
  func attribute(_ name: String, after marker: String) -> String? {
    guard let start = range(of: marker) else { return nil }
    let rest = self[start.upperBound...]
    guard let a = rest.range(of: "\(name)=\"") else { return nil }
    let tail = rest[a.upperBound...]
    guard let end = tail.firstIndex(of: "\"") else { return nil }
    return String(tail[..<end])
  }
}
