import Foundation

/// Writes each epoch's logs as a CSV row (epoch, then the logged quantities), as Keras's
/// CSVLogger; the header comes from the first epoch's keys.
public final class CSVLogger: Callback {
  public let path: String
  public let separator: String
  public let append: Bool
  private var handle: FileHandle?
  private var keys: [String] = []

  public init(path: String, separator: String = ",", append: Bool = false) {
    self.path = path
    self.separator = separator
    self.append = append
  }

  public func onTrainBegin(_ model: Sequential) throws {
    let exists = FileManager.default.fileExists(atPath: path)
    if !append || !exists {
      guard FileManager.default.createFile(atPath: path, contents: nil) else {
        throw LayerError("CSVLogger: cannot create '\(path)'")
      }
    }
    guard let h = FileHandle(forWritingAtPath: path) else { throw LayerError("CSVLogger: cannot write '\(path)'") }
    h.seekToEndOfFile()
    handle = h
    keys = []
    if append && exists, let text = try? String(contentsOfFile: path, encoding: .utf8),
       let header = text.split(separator: "\n").first {
      keys = Array(String(header).components(separatedBy: separator).dropFirst())
    }
  }

  public func onEpochEnd(_ epoch: Int, logs: inout Logs, model: Sequential) throws {
    guard let handle else { return }
    if keys.isEmpty {
      keys = logs.items.map(\.key)
      handle.write(Data((["epoch"] + keys).joined(separator: separator).appending("\n").utf8))
    }
    let row = [String(epoch + 1)] + keys.map { k in logs[k].map { String($0) } ?? "" }
    handle.write(Data(row.joined(separator: separator).appending("\n").utf8))
  }

  public func onTrainEnd(_ model: Sequential) throws {
    try handle?.close()
    handle = nil
  }
}
