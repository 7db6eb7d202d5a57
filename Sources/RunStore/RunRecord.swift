import Foundation

/// A recorded run as read back from the store.
public struct RunRecord {
  public var id: String
  public var experiment: String
  /// As stored, except that a RUNNING run whose heartbeat is stale reads as DEAD.
  public var status: RunStatus
  public var started: Date
  public var stopped: Date?
  public var heartbeat: Date
  public var seed: UInt64?
  public var configJSON: String?
  public var overridesJSON: String?
  /// The sweep's study and the number of its trial the run carries out, for a trial's run.
  public var study: String?
  public var trial: Int?
  /// The last value of each series, by series name (sorted by name).
  public var lastValues: [(key: String, value: Double)] = []
  // Details (read by `run(id:)`, not by listings).
  public var host: HostInfo?
  public var script: String?
  public var source: String?
  public var sha256: String?
  public var recipesJSON: String?
  public var folder: String?
  public var resultJSON: String?
  public var infoJSON: String?
  public var error: String?
  public var traceback: String?
  public var stdout: String?
  public var stderr: String?

  /// Seconds from start to stop (to the last heartbeat for a run that has not stopped).
  public var duration: Double { (stopped ?? heartbeat).timeIntervalSince(started) }

  public func lastValue(_ key: String) -> Double? { lastValues.first { $0.key == key }?.value }
}

/// A series of one run, summed up.
public struct SeriesSummary {
  public var key: String
  public var count: Int
  public var lastStep: Int
  public var last: Double
  public var min: Double?
  public var max: Double?
}

/// One point of a series as stored.
public struct MetricPoint: Equatable {
  public var step: Int
  public var value: Double
  public var wall: Double
  public static func == (a: MetricPoint, b: MetricPoint) -> Bool {
    a.step == b.step && a.value.bitPattern == b.value.bitPattern && a.wall == b.wall
  }
}

/// An artifact of a run.
public struct ArtifactRecord {
  public var name: String
  public var path: String
  public var size: Int
  public var sha256: String
}
