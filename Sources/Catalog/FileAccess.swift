import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file that could not be read or written, with the system's reason: `path: reason`
/// ("No such file or directory", "Is a directory", "Permission denied", ...).
public struct FileError: Error, CustomStringConvertible, Equatable {
  public let path: String
  public let reason: String
  public init(_ path: String, _ reason: String) { self.path = path; self.reason = reason }
  public var description: String { path.isEmpty ? "the file name is empty" : "\(path): \(reason)" }
}

/// Reading and writing whole files so that a failure says why, for every writer in the
/// library (model files, data files, logs) and the script reader.
/// Every path goes through `check` first: the run's `FilePolicy.current` decides.
public enum FileAccess {
  /// Refuses `path` unless the current policy allows `access` to it (a `FileError` naming the
  /// path and the rule); returns the resolved path.
  @discardableResult
  public static func check(_ path: String, for access: FilePolicy.Access) throws -> String {
    try FilePolicy.current.check(path, for: access)
  }

  /// The system's words for an errno value.
  public static func reason(errno code: Int32) -> String { String(cString: strerror(code)) }

  /// The reason behind a Foundation or POSIX error, in the system's words where it has them.
  public static func reason(_ error: Error) -> String {
    if let e = error as? FileError { return e.reason }
    let ns = error as NSError
    if ns.domain == NSPOSIXErrorDomain { return reason(errno: Int32(ns.code)) }
    if let u = ns.userInfo[NSUnderlyingErrorKey] as? NSError, u.domain == NSPOSIXErrorDomain {
      return reason(errno: Int32(u.code))
    }
    if ns.domain == NSCocoaErrorDomain, let code = cocoaCodes[ns.code] { return reason(errno: code) }
    return ns.localizedDescription
  }

  /// Foundation's file error codes that have a POSIX counterpart.
  static let cocoaCodes: [Int: Int32] = [
    CocoaError.fileNoSuchFile.rawValue: ENOENT, CocoaError.fileReadNoSuchFile.rawValue: ENOENT,
    CocoaError.fileReadNoPermission.rawValue: EACCES, CocoaError.fileWriteNoPermission.rawValue: EACCES,
    CocoaError.fileWriteOutOfSpace.rawValue: ENOSPC, CocoaError.fileWriteVolumeReadOnly.rawValue: EROFS,
    CocoaError.fileReadTooLarge.rawValue: EFBIG, CocoaError.fileWriteFileExists.rawValue: EEXIST,
  ]

  /// Reads a text file (UTF-8).
  public static func readText(_ path: String) throws -> String {
    let bytes = try readBytes(path)
    guard let text = String(validating: bytes, as: UTF8.self) else { throw FileError(path, "not UTF-8 text") }
    return text
  }

  /// Writes `bytes` to `path` in one piece (a temporary file beside it, then renamed over it),
  /// creating missing parent folders as `mkdir -p` does.
  public static func write(_ bytes: Data, to path: String) throws {
    let (folder, name) = try openParent(path, for: .write, creating: true)
    defer { close(folder) }
    try write(bytes, as: name, in: folder, shown: path)
  }

  /// Creates the folders `path` is to be written in, as `mkdir -p` does.
  public static func createParentFolders(of path: String) throws {
    let (folder, _) = try openParent(path, for: .write, creating: true)
    close(folder)
  }
}
