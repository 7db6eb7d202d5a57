/// Where studies and their trials live: one SQLite file for one machine, PostgreSQL for workers
/// on several machines. Every method is safe to call from several processes at once; each trial
/// is claimed by exactly one worker.
public protocol StudyStore: AnyObject {
  /// The study named `spec.name`: created when new; when it exists with the same space, sampler,
  /// pruner and script, returned as it is (a rerun continues it); otherwise an error saying what
  /// differs.
  func open(_ spec: StudySpec) throws -> StudyInfo
  /// The existing study `name` (for `--join` and `sweep show`); an error naming the studies
  /// there are when it does not exist.
  func study(named name: String) throws -> StudyInfo
  /// Every study, oldest first.
  func studies() throws -> [StudyInfo]
  /// Claims the next trial for `worker`, in one transaction:
  /// 1. RUNNING trials whose heartbeat is older than `staleAfter` seconds go back to WAITING;
  /// 2. the oldest WAITING trial is claimed (`FOR UPDATE SKIP LOCKED` where the store has it);
  /// 3. else, when fewer than `target` trials are finished or running, a new trial is created
  ///    with the next number and the parameters `sample(trials, number)` gives, seeing every
  ///    trial of the study;
  /// 4. else nil: the study has its trials (or they are all claimed).
  func claim(study: Int64, worker: String, target: Int, staleAfter: Double,
             sample: ([TrialRecord], Int) throws -> [String: Double]) throws -> TrialRecord?
  /// Says the trial's worker is alive (its heartbeat), and records the run carrying it out.
  func heartbeat(study: Int64, trial: Int, runID: String?) throws
  /// An intermediate value of the objective at `step`.
  func report(study: Int64, trial: Int, step: Int, value: Double) throws
  /// Gives a RUNNING trial that `worker` holds back to the queue at once (its worker was asked
  /// to stop: Ctrl-C, SIGTERM): WAITING, without worker, heartbeat, run or reported values, so
  /// the next claim takes it, exactly once. False, and nothing changed, when the trial is not
  /// RUNNING under `worker` (it finished, or went stale and another worker holds it now).
  @discardableResult
  func release(study: Int64, trial: Int, worker: String) throws -> Bool
  /// How the trial ended: COMPLETE with its value, PRUNED with its last value, or FAILED.
  func finish(study: Int64, trial: Int, state: TrialState, value: Double?) throws
  /// Every trial of the study, by number.
  func trials(study: Int64) throws -> [TrialRecord]
}
