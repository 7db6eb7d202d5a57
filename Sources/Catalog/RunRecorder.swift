import Foundation

/// Where one run's record goes as the run makes it (a run store): its metric points, its
/// artifacts, the table the script fills (`run.info`). The host makes one for the run it
/// records and puts it in the session (`Session.runStore`); the core writes to it without
/// knowing how or where it is kept.
public protocol RunRecorder: AnyObject {
  /// The id the run is recorded under (its artifacts go to `runs/<id>/`).
  var runID: String { get }
  /// One point of the series `key`, at `step`. Cheap: points are buffered and written in batches.
  func log(_ key: String, _ value: Double, step: Int)
  /// The recorded points of `key`, in the order they were logged (buffered points included).
  func history(_ key: String) throws -> [(step: Int, value: Double)]
  /// An artifact written to `path`, with its contents (for its size and hash).
  func recordArtifact(name: String, path: String, contents: Data) throws
  /// A curve the run logged (`run:log_curve`): a table of lists; a later one of the same name replaces it.
  func recordCurve(_ name: String, _ curve: Value) throws
  /// The first write that failed, if one did: the run fails with it.
  var failure: Error? { get }
}
