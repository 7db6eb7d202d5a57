extension StudySpec {
  /// Refuses a sweep (`self`) that differs from the stored study of the same name in what
  /// defines it: the script, the `with` settings, the search space (compared by its text as the
  /// store keeps it, `storedSpaceText`), the sampler and the pruner. Every store refuses alike.
  public func checkContinues(_ stored: StudySpec, storedSpaceText: String) throws {
    var differences: [String] = []
    if stored.script != script { differences.append("the script is '\(script)', the study's is '\(stored.script)'") }
    if stored.with != with {
      func show(_ w: [String]) -> String { w.isEmpty ? "none" : "'" + w.joined(separator: " ") + "'" }
      differences.append("the settings given with `with` are \(show(with)), the study's are \(show(stored.with))")
    }
    let givenText = space.description
    if storedSpaceText != givenText {
      let storedLines = storedSpaceText.split(separator: "\n"), givenLines = givenText.split(separator: "\n")
      let a = Set(storedLines), b = Set(givenLines)
      let added = givenLines.filter { !a.contains($0) }, removed = storedLines.filter { !b.contains($0) }
      var parts: [String] = []
      if !added.isEmpty { parts.append("given " + added.joined(separator: "; ")) }
      if !removed.isEmpty { parts.append("the study has " + removed.joined(separator: "; ")) }
      differences.append("the search space differs (" + (parts.isEmpty ? "in the order of its parameters" : parts.joined(separator: "; ")) + ")")
    }
    if stored.sampler != sampler { differences.append("the sampler is \(sampler), the study's is \(stored.sampler)") }
    if stored.pruner != pruner { differences.append("the pruner is \(pruner), the study's is \(stored.pruner)") }
    guard differences.isEmpty else {
      throw SweepError("study '\(name)' exists with other settings: \(differences.joined(separator: "; ")). Rerun it as it was to continue it, or name a new study with --study NAME")
    }
  }
}
