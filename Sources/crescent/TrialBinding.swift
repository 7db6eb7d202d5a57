import Sweeps

/// What ties a run to the sweep trial it carries out: the reporter its session gets, the study
/// and trial number it is recorded with, and the heartbeat told its id.
final class TrialBinding {
  let studyName: String
  /// The trial as claimed: its number and parameters.
  let trial: TrialRecord
  var number: Int { trial.number }
  let reporter: StudyTrialReporter
  let heartbeat: TrialHeartbeat

  init(studyName: String, trial: TrialRecord, reporter: StudyTrialReporter, heartbeat: TrialHeartbeat) {
    self.studyName = studyName
    self.trial = trial
    self.reporter = reporter
    self.heartbeat = heartbeat
  }

  /// The run is recorded under `runID`.
  func started(_ runID: String) { heartbeat.started(runID: runID) }
}
