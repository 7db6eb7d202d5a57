import Catalog
import Foundation
import Tensors

/// Reads whole files as bytes, decompressing gzip (by the `.gz` name or the magic number).
public enum FileBytes {
  public static func read(_ path: String) throws -> [UInt8] {
    do { try FileAccess.check(path, for: .read) } catch let e as FileError { throw DataError(e.description) }
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
      throw DataError("\(path): no such file")
    }
    guard !isDir.boolValue else { throw DataError("\(path): is a folder, expected a file") }
    // The file's bytes are held twice while they are read (the read buffer and its copy).
    if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int {
      try MemoryBudget.reserve(size > Int.max / 2 ? Int.max : 2 * size, for: "\(path): reading its \(size) bytes")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw DataError("\(path): cannot be read")
    }
    let bytes = [UInt8](data)
    if path.hasSuffix(".gz") || Gzip.isCompressed(bytes) { return try Gzip.decompress(bytes, path: path) }
    return bytes
  }

  /// Writes `bytes` to `path`, replacing it and creating missing folders; a failure says why.
  public static func write(_ bytes: [UInt8], to path: String) throws {
    do { try FileAccess.write(Data(bytes), to: path) } catch let e as FileError {
      throw DataError(e.description)
    }
  }
}
