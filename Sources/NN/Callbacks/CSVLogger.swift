import Catalog
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes each epoch's logs as a CSV row (epoch from 1, then the logged quantities), as
/// Keras's CSVLogger; the header comes from the first epoch's keys. Missing folders are
/// created; rows are flushed as they are written.
public final class CSVLogger: Callback {
  public let path: String
  public let separator: String
  public let append: Bool
  private var file: UnsafeMutablePointer<FILE>?
  private var keys: [String] = []

  public init(path: String, separator: String = ",", append: Bool = false) {
    self.path = path
    self.separator = separator
    self.append = append
  }

  public func onTrainBegin(_ model: Sequential) throws {
    guard !path.isEmpty else { throw LayerError("CSVLogger: the filename is empty") }
    keys = []
    if append, let text = try? FileAccess.readText(path), let header = text.split(separator: "\n").first {
      keys = Array(String(header).components(separatedBy: separator).dropFirst())
    }
    let f: UnsafeMutablePointer<FILE>
    do { f = try FileAccess.openForWriting(path, append: append) } catch let e as FileError {
      throw LayerError("CSVLogger: cannot write '\(path)': \(e.reason)")
    }
    file = f
  }

  private func write(_ line: String) {
    guard let file else { return }
    fputs(line + "\n", file)
    fflush(file)
  }

  public func onEpochEnd(_ epoch: Int, logs: inout Logs, model: Sequential) throws {
    guard file != nil else { return }
    if keys.isEmpty {
      keys = logs.items.map(\.key)
      write((["epoch"] + keys).joined(separator: separator))
    }
    let row = [String(epoch + 1)] + keys.map { k in logs[k].map { String($0) } ?? "" }
    write(row.joined(separator: separator))
  }

  public func onTrainEnd(_ model: Sequential) throws {
    if let file { fclose(file) }
    file = nil
  }

  deinit { if let file { fclose(file) } }
}
