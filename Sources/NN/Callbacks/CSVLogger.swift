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
  private var resuming = false

  public init(path: String, separator: String = ",", append: Bool = false) {
    self.path = path
    self.separator = separator
    self.append = append
  }

  public func willTrain(_ plan: FitPlan) throws { resuming = plan.resumed }

  public func onTrainBegin(_ model: Sequential) throws {
    guard !path.isEmpty else { throw LayerError("CSVLogger: the filename is empty") }
    // A resumed fit keeps the file: `restore` cuts it back to the checkpoint's rows.
    let keep = append || resuming
    keys = keep ? headerKeys() : []
    do { file = try FileAccess.openForWriting(path, append: keep) } catch let e as FileError {
      throw LayerError("CSVLogger: cannot write '\(path)': \(e.reason)")
    }
  }

  /// The names in the existing file's header (none when it has none).
  private func headerKeys() -> [String] {
    guard let text = try? FileAccess.readText(path), let header = text.split(separator: "\n").first else { return [] }
    return Array(String(header).components(separatedBy: separator).dropFirst())
  }

  /// How far the file was written: a resumed fit cuts off the rows written after it.
  public func checkpointState() -> CallbackState? {
    guard let file else { return nil }
    return CallbackState(numbers: ["bytes": Double(ftell(file))])
  }

  public func restore(_ state: CallbackState) throws {
    guard let bytes = try state.integer("bytes") else { return }
    if let file { fclose(file) }
    file = nil
    let f: UnsafeMutablePointer<FILE>
    do { f = try FileAccess.openForWriting(path, append: true) } catch let e as FileError {
      throw LayerError("CSVLogger: cannot resume '\(path)': \(e.reason)")
    }
    var info = stat()
    guard fstat(fileno(f), &info) == 0, Int(info.st_size) >= bytes else {
      let size = Int(info.st_size)
      fclose(f)
      throw LayerError("CSVLogger: cannot resume '\(path)': it holds \(size) bytes, the checkpoint was taken after \(bytes)")
    }
    guard ftruncate(fileno(f), off_t(bytes)) == 0 else {
      let reason = FileAccess.reason(errno: errno)
      fclose(f)
      throw LayerError("CSVLogger: cannot resume '\(path)': \(reason)")
    }
    keys = headerKeys()
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
