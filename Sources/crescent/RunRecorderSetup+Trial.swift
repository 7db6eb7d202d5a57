extension RunRecorderSetup {
  /// Records the study and trial number the run carries out.
  func record(trial: TrialBinding) throws {
    try recording.store.link(run: recording.runID, study: trial.studyName, trial: trial.number)
  }
}
