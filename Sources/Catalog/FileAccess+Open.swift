import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opening what was checked. Under a policy with folders, the checked path is the file's real
/// path (every link resolved); it is then opened by walking from `/` one folder at a time,
/// each step refusing a symbolic link, so a link swapped in after the check cannot lead the
/// open elsewhere: the descriptor is the file that was checked, or the open fails. Files are
/// written beside their final name (a new file that may not already exist) and renamed into
/// place inside the same open folder.
extension FileAccess {
  #if canImport(Glibc)
  private static let systemWrite = Glibc.write
  #else
  private static let systemWrite = Darwin.write
  #endif
  #if os(Linux)
  /// Opens a folder only to walk through it (needs search permission, not read): O_PATH,
  /// which Swift's Glibc module does not export.
  private static let walkFlag: Int32 = 0o10000000
  #else
  private static let walkFlag: Int32 = O_RDONLY
  #endif

  /// The folder `path` lies in, opened (created first with `creating`, as `mkdir -p` does),
  /// and the file's name in it. Throws a `FileError` naming `path`.
  static func openParent(_ path: String, for access: FilePolicy.Access, creating: Bool) throws -> (folder: Int32, name: String) {
    guard !path.isEmpty else { throw FileError(path, "the file name is empty") }
    let checked = try check(path, for: access)
    guard FilePolicy.current.restricts(access) else {
      // Every path allowed: the system resolves links as usual.
      let folder = (checked as NSString).deletingLastPathComponent
      let name = (checked as NSString).lastPathComponent
      return (try walk(to: folder.isEmpty ? "." : folder, following: true, creating: creating, for: path), name)
    }
    let folder = (checked as NSString).deletingLastPathComponent
    let name = (checked as NSString).lastPathComponent
    guard !name.isEmpty, name != "/" else { throw FileError(path, reason(errno: EISDIR)) }
    return (try walk(to: folder.isEmpty ? "/" : folder, following: false, creating: creating, for: path), name)
  }

  /// Opens the folder `path` one part at a time (from `/`, or the working directory for a
  /// relative path); `following: false` refuses a symbolic link on the way.
  private static func walk(to path: String, following: Bool, creating: Bool, for shown: String) throws -> Int32 {
    var fd = open(path.hasPrefix("/") ? "/" : ".", walkFlag | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { throw FileError(shown, reason(errno: errno)) }
    var built = path.hasPrefix("/") ? "" : "."
    for part in path.split(separator: "/") where part != "." {
      let name = String(part)
      built += "/" + name
      var next = openat(fd, name, walkFlag | O_DIRECTORY | O_CLOEXEC | (following ? 0 : O_NOFOLLOW))
      if next < 0 && errno == ENOENT && creating {
        if mkdirat(fd, name, 0o777) != 0 && errno != EEXIST {
          let code = errno
          close(fd)
          throw FileError(shown, "cannot create the folder '\(shownFolder(built))': \(reason(errno: code))")
        }
        next = openat(fd, name, walkFlag | O_DIRECTORY | O_CLOEXEC | (following ? 0 : O_NOFOLLOW))
      }
      if next < 0 {
        let code = errno
        var info = stat()
        let found = fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0
        close(fd)
        if found && (info.st_mode & S_IFMT) == S_IFLNK {
          throw FileError(shown, "a symbolic link on this path changed after it was checked; it is refused")
        }
        if found && (info.st_mode & S_IFMT) != S_IFDIR { throw FileError(shown, "'\(shownFolder(built))' is a file, not a folder") }
        throw FileError(shown, reason(errno: code))
      }
      close(fd)
      fd = next
    }
    return fd
  }

  private static func shownFolder(_ built: String) -> String {
    built.hasPrefix("./") ? String(built.dropFirst(2)) : built
  }

  /// Opens `path` to read: a regular file, exactly the one the policy allowed.
  public static func openForReading(_ path: String) throws -> Int32 {
    let (folder, name) = try openParent(path, for: .read, creating: false)
    defer { close(folder) }
    let following = !FilePolicy.current.restricts(.read)
    // Non-blocking: a FIFO put where a data file was expected cannot stall the run.
    let fd = openat(folder, name, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (following ? 0 : O_NOFOLLOW))
    guard fd >= 0 else {
      let code = errno
      throw FileError(path, code == ELOOP ? "a symbolic link on this path changed after it was checked; it is refused" : reason(errno: code))
    }
    var info = stat()
    guard fstat(fd, &info) == 0 else { let code = errno; close(fd); throw FileError(path, reason(errno: code)) }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return fd
    case S_IFDIR: close(fd); throw FileError(path, reason(errno: EISDIR))
    default: close(fd); throw FileError(path, "not a regular file")
    }
  }

  /// The whole file at `path`; `beforeReading` sees its size first (to refuse a file too large).
  public static func readBytes(_ path: String, beforeReading: (Int) throws -> Void = { _ in }) throws -> [UInt8] {
    let fd = try openForReading(path)
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw FileError(path, reason(errno: errno)) }
    let size = Int(info.st_size)
    try beforeReading(size)
    var bytes = [UInt8](repeating: 0, count: size)
    var done = 0
    while done < size {
      let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + done, size - done) }  // cannot fail: size > 0 here
      if n < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        throw FileError(path, reason(errno: errno))
      }
      if n == 0 { bytes.removeLast(size - done); return bytes }  // the file shrank while it was read
      done += n
    }
    // A file whose size says nothing (a /proc file says 0) or that grew: read on to its end.
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }  // cannot fail: the chunk is not empty
      if n < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        throw FileError(path, reason(errno: errno))
      }
      if n == 0 { return bytes }
      bytes += chunk[0..<n]
    }
  }

  /// Opens `path` to write (replacing it, or appending with `append`), creating missing
  /// folders; the file is the one the policy allowed.
  public static func openForWriting(_ path: String, append: Bool) throws -> UnsafeMutablePointer<FILE> {
    let (folder, name) = try openParent(path, for: .write, creating: true)
    defer { close(folder) }
    let following = !FilePolicy.current.restricts(.write)
    let fd = openat(folder, name, O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC) | (following ? 0 : O_NOFOLLOW), 0o666)
    guard fd >= 0 else {
      let code = errno
      throw FileError(path, code == ELOOP ? "a symbolic link on this path changed after it was checked; it is refused" : reason(errno: code))
    }
    guard let file = fdopen(fd, append ? "a" : "w") else { let code = errno; close(fd); throw FileError(path, reason(errno: code)) }
    return file
  }

  /// Writes `bytes` as the file `name` in the open `folder`: a new file beside it, renamed over it.
  static func write(_ bytes: Data, as name: String, in folder: Int32, shown path: String) throws {
    var info = stat()
    if fstatat(folder, name, &info, 0) == 0, (info.st_mode & S_IFMT) == S_IFDIR { throw FileError(path, reason(errno: EISDIR)) }
    let temporary = ".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
    let fd = openat(folder, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
    guard fd >= 0 else { throw FileError(path, reason(errno: errno)) }
    var failure: Int32 = 0
    bytes.withUnsafeBytes { p in
      var done = 0
      while done < p.count {
        let n = systemWrite(fd, p.baseAddress! + done, p.count - done)  // cannot fail: p is not empty here
        if n < 0 { if errno == EINTR { continue }; failure = errno; return }
        done += n
      }
    }
    if close(fd) != 0 && failure == 0 { failure = errno }
    if failure == 0 && renameat(folder, temporary, folder, name) != 0 { failure = errno }
    if failure != 0 {
      unlinkat(folder, temporary, 0)
      throw FileError(path, reason(errno: failure))
    }
  }
}
