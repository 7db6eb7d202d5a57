extension RunRecorderSetup {
  /// Records the study and trial number the run carries out.
  func record(trial: TrialBinding) throws {
  }
}
