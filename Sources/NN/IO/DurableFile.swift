import Catalog
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that a crash at any moment leaves either the old file or the new one,
/// complete: the bytes go to a temporary file in the same folder (`.<name>.tmp`, one name per
/// target, so an interrupted write leaves at most one behind and the next write reuses it),
/// which is flushed to disk, renamed over the target, and the folder flushed so the rename
/// itself survives a power loss.
public enum DurableFile {
  /// The temporary file a write of `path` goes through.
  public static func temporaryPath(for path: String) -> String {
    let folder = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    return (folder.isEmpty ? "" : folder + "/") + ".\(name).tmp"
  }

  /// Writes `bytes` to `path` durably, creating missing folders; the run's file policy decides
  /// whether `path` may be written. A failure is a `FileError` naming `path`.
  public static func write(_ bytes: Data, to path: String) throws {
    guard !path.isEmpty else { throw FileError(path, "the file name is empty") }
    try FileAccess.check(path, for: .write)
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
      throw FileError(path, FileAccess.reason(errno: EISDIR))
    }
    try FileAccess.createParentFolders(of: path)
    let temporary = temporaryPath(for: path)
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw FileError(path, "cannot create '\(temporary)': \(FileAccess.reason(errno: errno))") }
    var failure = writeAll(fd, bytes)
    if failure == 0 && fsync(fd) != 0 { failure = errno }
    if close(fd) != 0 && failure == 0 { failure = errno }
    if failure == 0 && rename(temporary, path) != 0 { failure = errno }
    if failure != 0 {
      unlink(temporary)
      throw FileError(path, FileAccess.reason(errno: failure))
    }
    let folder = (path as NSString).deletingLastPathComponent
    let dir = open(folder.isEmpty ? "." : folder, O_RDONLY | O_CLOEXEC)
    if dir >= 0 {
      _ = fsync(dir)
      close(dir)
    }
  }
}

/// Writes all of `bytes` to `fd`; 0, or the errno of the failure.
private func writeAll(_ fd: Int32, _ bytes: Data) -> Int32 {
  bytes.withUnsafeBytes { p -> Int32 in
    var done = 0
    while done < p.count {
      let n = write(fd, p.baseAddress! + done, p.count - done)  // cannot fail: p is not empty inside the loop
      if n < 0 {
        if errno == EINTR { continue }
        return errno
      }
      done += n
    }
    return 0
  }
}
