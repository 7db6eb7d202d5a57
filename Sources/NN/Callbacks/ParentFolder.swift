import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Creates the folders a file is to be written in, as `mkdir -p` does; the error names the
/// file, the folder and the system's reason.
enum ParentFolder {
  static func create(for path: String, _ who: String) throws {
    let folder = (path as NSString).deletingLastPathComponent
    guard !folder.isEmpty else { return }
    var built = folder.hasPrefix("/") ? "/" : ""
    for part in folder.split(separator: "/") {
      built += (built.isEmpty || built.hasSuffix("/") ? "" : "/") + part
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: built, isDirectory: &isFolder) {
        guard isFolder.boolValue else { throw LayerError("\(who): cannot write '\(path)': '\(built)' is a file, not a folder") }
        continue
      }
      if mkdir(built, 0o777) != 0 && errno != EEXIST {
        let reason = String(cString: strerror(errno))
        throw LayerError("\(who): cannot create the folder '\(built)' for '\(path)': \(reason)")
      }
    }
  }

  /// The system's reason for the last failed call.
  static var lastReason: String { String(cString: strerror(errno)) }
}
