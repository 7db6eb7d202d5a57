import Catalog
import Foundation
import Tensors

/// Reads whole files as bytes, decompressing gzip (by the `.gz` name or the magic number).
public enum FileBytes {
  public static func read(_ path: String) throws -> [UInt8] {
    let bytes: [UInt8]
    do {
      // The file is opened once, after the check, and read from that descriptor.
      // Counted twice: the bytes, and what a reader builds from them while they are held.
      bytes = try FileAccess.readBytes(path) { size in
        try MemoryBudget.reserve(size > Int.max / 2 ? Int.max : 2 * size, for: "\(path): reading its \(size) bytes")
      }
    } catch let e as FileError {
      switch e.reason {
      case FileAccess.reason(errno: ENOENT): throw DataError("\(path): no such file")
      case FileAccess.reason(errno: EISDIR): throw DataError("\(path): is a folder, expected a file")
      default: throw DataError(e.description)
      }
    }
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
