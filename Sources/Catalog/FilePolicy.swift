import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folders a run may read and write. A path is allowed when the file it names, with every
/// symbolic link on the way resolved, lies under one of the folders for that kind of access;
/// names holding a NUL byte are refused always (the system would read only the part before it).
/// `unrestricted` (`--trust`) allows every path. Folders are kept resolved (real paths).
public struct FilePolicy: Sendable, Equatable {
  public enum Access: Sendable { case read, write }

  /// A folder paths may lie under, with the words that say where it comes from.
  public struct Root: Sendable, Equatable {
    public let path: String
    public let origin: String
    public init(_ path: String, origin: String) {
      self.path = FilePolicy.resolve(FilePolicy.absolute(path))
      self.origin = origin
    }
  }

  /// The folders readable; nil: every path.
  public private(set) var readRoots: [Root]?
  /// The folders writable; nil: every path. What may be written may be read too.
  public private(set) var writeRoots: [Root]?

  /// With `--out DIR`: the folder a relative path lands in when a script writes it, and is
  /// looked for first when it reads it (so it reads back what it wrote); nil: the working
  /// directory. Kept resolved.
  public private(set) var outFolder: String?

  public init(read: [Root]?, write: [Root]?) {
    readRoots = read
    writeRoots = write
  }

  /// This policy with relative paths written under `folder` (nil: the working directory).
  public func placing(relativePathsUnder folder: String?) -> FilePolicy {
    var p = self
    p.outFolder = folder.map { FilePolicy.resolve(FilePolicy.absolute($0)) }
    return p
  }

  /// Where `path` is opened for `access`: a relative path written goes under `outFolder`;
  /// one read is taken from there when it exists there, else from the working directory.
  /// Other paths are unchanged.
  public func located(_ path: String, for access: Access) -> String {
    guard let outFolder, !path.hasPrefix("/"), !path.isEmpty else { return path }
    let placed = outFolder + "/" + path
    if access == .write { return placed }
    var info = stat()
    return lstat(placed, &info) == 0 ? placed : path
  }

  /// Every path allowed (a trusted script, a host's own files).
  public static let unrestricted = FilePolicy(read: nil, write: nil)

  /// The sandbox's rules: reads under `scriptFolder`, the working directory, `dataFolder`
  /// (CRESCENT_DATA), `allowRead` and whatever may be written; writes under `out` (the working
  /// directory when nil) and `allowWrite`.
  public static func sandbox(scriptFolder: String? = nil, dataFolder: String? = nil, out: String? = nil,
                             allowRead: [String] = [], allowWrite: [String] = []) -> FilePolicy {
    var read = [Root(".", origin: "the working directory")]
    if let scriptFolder { read.append(Root(scriptFolder, origin: "the script's folder")) }
    if let dataFolder, !dataFolder.isEmpty { read.append(Root(dataFolder, origin: "CRESCENT_DATA")) }
    read += allowRead.map { Root($0, origin: "--allow-read") }
    let write = [out.map { Root($0, origin: "--out") } ?? Root(".", origin: "the working directory")]
      + allowWrite.map { Root($0, origin: "--allow-write") }
    return FilePolicy(read: read, write: write).placing(relativePathsUnder: out)
  }

  /// Whether paths opened for `access` are limited to folders.
  public func restricts(_ access: Access) -> Bool {
    access == .read ? readRoots != nil : writeRoots != nil
  }

  /// Whether every path is allowed.
  public var isUnrestricted: Bool { readRoots == nil && writeRoots == nil && outFolder == nil }

  /// This policy with `folders` readable too (nothing changes when every path already is).
  public func granting(read folders: [Root]) -> FilePolicy {
    var p = self
    p.readRoots = readRoots.map { $0 + folders }
    return p
  }

  /// This policy with `folders` writable (and readable) too.
  public func granting(write folders: [Root]) -> FilePolicy {
    var p = self
    p.writeRoots = writeRoots.map { $0 + folders }
    return p
  }

  /// The policy catalog entries run under: the host binds it for the time of each call from a
  /// script; unbound (a host's own work, tests), every path is allowed.
  @TaskLocal public static var current: FilePolicy = .unrestricted

  /// Checks that `path` may be opened for `access`; returns the file's resolved path.
  /// Throws a `FileError` naming the path and the rule it breaks.
  @discardableResult
  public func check(_ path: String, for access: Access) throws -> String {
    if path.utf8.contains(0) {
      throw FileError(FilePolicy.printable(path), "a file name may not hold a NUL byte")
    }
    let placed = located(path, for: access)
    let roots: [Root]?
    switch access {
    case .read: roots = readRoots.map { r in r + (writeRoots ?? []) }
    case .write: roots = writeRoots
    }
    guard let roots, !path.isEmpty else { return placed }
    let absolute = FilePolicy.absolute(placed)
    let real: String
    do { real = try FilePolicy.resolveChecked(absolute) } catch {
      throw FileError(path, "a symbolic link on this path leads to a file that does not exist; such links are refused")
    }
    if roots.contains(where: { FilePolicy.isInside(real, $0.path) }) { return real }
    let words = access == .read
      ? "a script may read only under its own folder, the working directory, CRESCENT_DATA and --allow-read folders (--trust lifts the rule)"
      : "a script may write only under the working directory (or --out) and --allow-write folders (--trust lifts the rule)"
    let lexical = FilePolicy.normalize(absolute)
    if roots.contains(where: { FilePolicy.isInside(lexical, $0.path) }) {
      throw FileError(path, "a symbolic link on this path leads outside the folders allowed: \(words)")
    }
    if path.split(separator: "/").contains("..") {
      throw FileError(path, "'..' leads outside the folders allowed: \(words)")
    }
    throw FileError(path, "outside the folders allowed: \(words)")
  }

  /// `path` with NUL bytes written `\0`.
  public static func printable(_ path: String) -> String { path.replacingOccurrences(of: "\0", with: "\\0") }

  /// `path` made absolute against the working directory (not resolved).
  static func absolute(_ path: String) -> String {
    path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
  }

  /// `path` with `.`, empty parts and `..` worked out by name alone.
  static func normalize(_ path: String) -> String {
    var parts: [Substring] = []
    for c in path.split(separator: "/") {
      if c == "." { continue }
      if c == ".." { _ = parts.popLast(); continue }
      parts.append(c)
    }
    return "/" + parts.joined(separator: "/")
  }

  /// Whether `path` is `folder` or lies under it.
  static func isInside(_ path: String, _ folder: String) -> Bool {
    folder == "/" || path == folder || path.hasPrefix(folder + "/")
  }

  /// The absolute `path` with every symbolic link on it resolved, as the system would when
  /// opening it: the existing part through realpath, the rest by name. A dangling link leaves
  /// the path as far as it resolved.
  static func resolve(_ path: String) -> String {
    (try? resolveChecked(path)) ?? normalize(path)
  }

  struct DanglingLink: Error {}

  /// `resolve`, throwing on a symbolic link whose target does not exist (opening it to write
  /// would create the target, wherever it points).
  static func resolveChecked(_ path: String) throws -> String {
    var resolved = "/"
    var exists = true
    for c in path.split(separator: "/") {
      if c == "." { continue }
      if c == ".." { resolved = (resolved as NSString).deletingLastPathComponent; if resolved.isEmpty { resolved = "/" }; continue }
      let candidate = (resolved == "/" ? "/" : resolved + "/") + c
      if !exists { resolved = candidate; continue }
      var info = stat()
      guard lstat(candidate, &info) == 0 else { exists = false; resolved = candidate; continue }
      if (info.st_mode & S_IFMT) == S_IFLNK {
        guard let real = realpath(candidate, nil) else { throw DanglingLink() }
        resolved = String(cString: real)
        free(real)
      } else {
        resolved = candidate
      }
    }
    return resolved
  }
}
