extension String {
  /// How often `part` occurs (not overlapping).
  func occurrences(of part: String) -> Int { components(separatedBy: part).count - 1 }
}
