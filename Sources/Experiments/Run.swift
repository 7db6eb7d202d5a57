import Catalog
import Foundation

/// One run of an experiment: its identity, seed and final config, and what it produced —
/// logged scalar series, curves, artifacts and the result. Kept in memory; a run store can
/// save it as it is.
public final class Run {
  public enum Status: String {
    case running = "RUNNING", completed = "COMPLETED", failed = "FAILED", interrupted = "INTERRUPTED"
    /// Stopped by a sweep's pruner (`run:report`, fit's epoch reports).
    case pruned = "PRUNED"
  }

  /// One logged scalar.
  public struct Point: Equatable {
    public let step: Int
    public let value: Double
    public init(step: Int, value: Double) { self.step = step; self.value = value }
  }

  public let id: String
  public let experiment: String
  public let seed: UInt64
  public let config: Value
  public let started: Date
  /// Where artifacts go (`runs/<id>/`), created at the first artifact.
  public let folder: URL
  public var status: Status = .running
  public var stopped: Date?
  public var result: Value?
  public var error: String?
  /// Logged series by name, in the order names were first logged.
  public private(set) var seriesNames: [String] = []
  public private(set) var series: [String: [Point]] = [:]
  public private(set) var curves: [(name: String, curve: Value)] = []
  /// Artifact names and the files they were written to.
  public private(set) var artifacts: [(name: String, path: URL)] = []
  /// What the script put in `run.info` (Sacred's run.info), saved with the run.
  public var info: Value = .table([])
  /// Where the run is recorded (a run store), if it is: every point and artifact goes there too.
  public let recorder: RunRecorder?

  public init(id: String = Run.newID(), experiment: String, seed: UInt64, config: Value, runsDirectory: URL,
              recorder: RunRecorder? = nil) {
    self.id = id
    self.recorder = recorder
    self.experiment = experiment
    self.seed = seed
    self.config = config
    self.started = Date()
    self.folder = runsDirectory.appendingPathComponent(id, isDirectory: true)
  }

  /// A sortable, unique enough id: `20250614-122455-3fa1`.
  public static func newID(now: Date = Date()) -> String {
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_US_POSIX")
    f.timeZone = TimeZone(identifier: "UTC")
    f.dateFormat = "yyyyMMdd-HHmmss"
    return f.string(from: now) + "-" + String(format: "%04x", UInt16.random(in: 0...UInt16.max))
  }

  /// Logs one scalar; without a step, the next one after the series' last.
  public func log(_ name: String, _ value: Double, step: Int? = nil) throws {
    guard !name.isEmpty else { throw ConfigError("the series name is empty") }
    // One lookup, and the series grows in place (a copy taken out and put back would copy
    // every point logged so far at each call).
    let index = series.index(forKey: name)
    let s: Int
    if let step { s = step } else {
      let last = index.flatMap { series.values[$0].last?.step } ?? 0
      let (next, overflow) = last.addingReportingOverflow(1)
      guard !overflow else { throw ConfigError("series '\(name)': its last step is \(Int.max); give the next step explicitly") }
      s = next
    }
    if let index {
      series.values[index].append(Point(step: s, value: value))
    } else {
      seriesNames.append(name)
      series[name] = [Point(step: s, value: value)]
    }
    if let recorder {
      recorder.log(name, value, step: s)
      if let failure = recorder.failure { throw ConfigError("the run cannot be recorded: \(failure)") }
    }
  }

  /// The points of series `name` so far: from the run store when the run is recorded, else as
  /// logged in this process.
  public func history(_ name: String) throws -> [Point] {
    if let recorder {
      do { return try recorder.history(name).map { Point(step: $0.step, value: $0.value) } } catch {
        throw ConfigError("the run's history cannot be read: \(error)")
      }
    }
    return series[name] ?? []
  }

  /// Keeps a curve under `name` (replacing one of that name); a recorded run records it too.
  public func logCurve(_ name: String, _ curve: Value) throws {
    guard !name.isEmpty else { throw ConfigError("the curve name is empty") }
    curves.removeAll { $0.name == name }
    curves.append((name, curve))
    if let recorder {
      do { try recorder.recordCurve(name, curve) } catch {
        throw ConfigError("the curve '\(name)' cannot be recorded: \(error)")
      }
    }
  }

  /// Writes a text artifact into the run's folder; the name must be a plain relative file name.
  @discardableResult
  public func artifact(_ name: String, content: String) throws -> URL {
    try Run.checkArtifactName(name)
    let url = folder.appendingPathComponent(name)
    do { try FileAccess.write(Data(content.utf8), to: url.path) } catch {
      throw ConfigError("cannot write \(FileError(url.path, FileAccess.reason(error)))")
    }
    artifacts.removeAll { $0.name == name }
    artifacts.append((name, url))
    if let recorder {
      do { try recorder.recordArtifact(name: name, path: url.path, contents: Data(content.utf8)) } catch {
        throw ConfigError("the artifact '\(name)' cannot be recorded: \(error)")
      }
    }
    return url
  }

  /// Safe names only: no absolute paths, no `..`, no empty parts, no control characters.
  public static func checkArtifactName(_ name: String) throws {
    let parts = name.split(separator: "/", omittingEmptySubsequences: false)
    guard !name.isEmpty, !name.hasPrefix("/"), !name.contains("\\"),
          !parts.contains(where: { $0.isEmpty || $0 == ".." || $0 == "." }),
          !name.unicodeScalars.contains(where: { $0.value < 32 || $0 == ":" }) else {
      throw ConfigError("'\(name)' is not a safe file name (use a relative name such as \"report.txt\", without '..' or a leading '/')")
    }
  }

  public func finish(_ status: Status, result: Value? = nil, error: String? = nil) {
    self.status = status
    self.result = result
    self.error = error
    self.stopped = Date()
  }
}
